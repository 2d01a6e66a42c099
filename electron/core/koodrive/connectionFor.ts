/**
 * The TLS and proxy settings of every KooDrive request (the window's lock service, the CLI, batches and
 * the diagnostics): the default trust store plus the profile's CA (trustStore.ts), the proxy of the one
 * decision (proxyDecision.ts), and, when that proxy is exactly the origin the profile's proxy password
 * was stored for, Basic credentials from the keychain (secrets/proxyCredential.ts).
 */
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import type { Profile } from '../../../shared/profile';
import { type ProxyCredential, basicProxyAuthorization, proxyOriginOf } from '../secrets/proxyCredential';
import { type ProxyDecision, type ProxyRouting, decideProxy, decisionWords } from './proxyDecision';
import type { HttpRequest } from './transport';

export type ConnectionSettings = Pick<HttpRequest, 'tls' | 'proxyUrl' | 'proxyAuthorization' | 'proxyReason'>;

/** The profile's stored proxy credential (keychain), or null; read only when a proxy was chosen. */
export type ProxyCredentialLookup = (profile: Profile) => Promise<ProxyCredential | null>;

export interface Routing extends ProxyRouting {
  proxyCredentials?: ProxyCredentialLookup;
}

export interface RoutedConnection {
  settings: ConnectionSettings;
  decision: ProxyDecision;
  /** Why the profile's stored proxy password was not used, for a 407's remedy; null when it was, or none is stored. */
  credentialNote: Message | null;
}

function hasUrlCredentials(proxyUrl: string): boolean {
  if (!URL.canParse(proxyUrl)) return false;
  const url = new URL(proxyUrl);
  return url.username !== '' || url.password !== '';
}

async function storedCredential(
  routing: Routing,
  profile: Profile,
): Promise<{ credential: ProxyCredential | null; problem: Message | null }> {
  if (!routing.proxyCredentials) return { credential: null, problem: null };
  try {
    return { credential: await routing.proxyCredentials(profile), problem: null };
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unknown error';
    return { credential: null, problem: message('proxy.passwordUnreadable', { why }) };
  }
}

/** Throws ProxyDecisionError when the system or PAC step fails: nothing may be sent then. */
export async function connectionFor(profile: Profile, routing: Routing): Promise<RoutedConnection> {
  const decision = await decideProxy(profile, routing);
  const settings: ConnectionSettings = { proxyReason: decisionWords(decision) };
  if (profile.caPem) settings.tls = { caPem: profile.caPem };
  const { proxyUrl } = decision;
  if (!proxyUrl) return { settings, decision, credentialNote: null };
  settings.proxyUrl = proxyUrl;
  if (hasUrlCredentials(proxyUrl)) return { settings, decision, credentialNote: null };
  const { credential, problem } = await storedCredential(routing, profile);
  if (!credential) return { settings, decision, credentialNote: problem };
  const chosen = proxyOriginOf(proxyUrl);
  if (chosen !== null && chosen === credential.proxy) {
    settings.proxyAuthorization = basicProxyAuthorization(credential);
    return { settings, decision, credentialNote: null };
  }
  return {
    settings,
    decision,
    credentialNote: message('proxy.passwordNotUsed', {
      storedFor: credential.proxy,
      chosen: chosen ?? message('proxy.anotherProxy'),
      reason: decision.reason,
    }),
  };
}
