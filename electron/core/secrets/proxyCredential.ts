/**
 * A profile's proxy user name and password, in the keychain entry `<profileId>:proxy` (profile ids
 * cannot contain ":"), bound to the proxy origin (scheme://host:port) it was given for. Both the user
 * name and the password live in the entry, so profiles.json holds neither. It is used for Basic
 * authentication on CONNECT only when a request goes through exactly that proxy origin
 * (koodrive/connectionFor.ts); another proxy never receives it. Threat model: docs/security.md.
 */
import type { SecretStore } from './secretStore';

export interface ProxyCredential {
  /** The proxy origin the password is for, e.g. http://proxy.corp:3128. */
  proxy: string;
  user: string;
  password: string;
}

export interface ProxyCredentialStatus {
  stored: boolean;
  /** The proxy origin and the user name of the stored entry (neither is secret). */
  proxy?: string;
  user?: string;
}

const ENVELOPE_MARK = 'koodrive-lock-admin/proxy-credential-v1';

export function proxyCredentialAccount(profileId: string): string {
  return `${profileId}:proxy`;
}

/** scheme://host[:port] of an http:// or https:// proxy URL (the default port left out), or null. */
export function proxyOriginOf(proxyUrl: string): string | null {
  if (!URL.canParse(proxyUrl)) return null;
  const url = new URL(proxyUrl);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
}

/** What is wrong with a proxy user name or password for Basic authentication, or null. */
export function proxyCredentialProblem(user: string, password: string): string | null {
  if (user.length === 0 || user.length > 256) return 'The proxy user name is 1 to 256 characters.';
  if (user.includes(':')) return 'The proxy user name cannot contain ":" (Basic authentication separates it with one).';
  if (password.length === 0 || password.length > 1024) return 'The proxy password is 1 to 1024 characters.';
  if (/[\r\n\0]/.test(user + password)) return 'The proxy user name and password cannot contain line breaks.';
  return null;
}

function parse(stored: string): ProxyCredential | null {
  try {
    const value = JSON.parse(stored) as Partial<ProxyCredential> & { kind?: unknown };
    if (value.kind !== ENVELOPE_MARK) return null;
    const { proxy, user, password } = value;
    if (typeof proxy !== 'string' || typeof user !== 'string' || typeof password !== 'string') return null;
    return { proxy, user, password };
  } catch {
    return null;
  }
}

/** The stored entry, or null when there is none (or it is not one this version wrote). */
export async function readProxyCredential(store: SecretStore, profileId: string): Promise<ProxyCredential | null> {
  const stored = await store.get(proxyCredentialAccount(profileId));
  return stored === null ? null : parse(stored);
}

export async function storeProxyCredential(
  store: SecretStore,
  profileId: string,
  credential: ProxyCredential,
): Promise<void> {
  const proxy = proxyOriginOf(credential.proxy);
  if (proxy === null) throw new Error('The proxy is not an http:// or https:// URL.');
  const problem = proxyCredentialProblem(credential.user, credential.password);
  if (problem) throw new Error(problem);
  const envelope = { kind: ENVELOPE_MARK, proxy, user: credential.user, password: credential.password };
  await store.set(proxyCredentialAccount(profileId), JSON.stringify(envelope));
}

/** true when an entry was removed. */
export function clearProxyCredential(store: SecretStore, profileId: string): Promise<boolean> {
  return store.delete(proxyCredentialAccount(profileId));
}

export async function proxyCredentialStatus(store: SecretStore, profileId: string): Promise<ProxyCredentialStatus> {
  const credential = await readProxyCredential(store, profileId);
  return credential ? { stored: true, proxy: credential.proxy, user: credential.user } : { stored: false };
}

/** Basic Proxy-Authorization value for a credential. */
export function basicProxyAuthorization(credential: Pick<ProxyCredential, 'user' | 'password'>): string {
  return `Basic ${Buffer.from(`${credential.user}:${credential.password}`, 'utf8').toString('base64')}`;
}
