/**
 * The proxy routing of a CLI run (core/koodrive/proxyDecision.ts): HTTPS_PROXY/NO_PROXY from the
 * environment, the PAC of --pac or KOODRIVE_PAC (read and compiled once, before anything is sent), and a
 * saved profile's proxy password from the keychain (read at most once per run). A PAC that cannot be
 * used ends the command with exit 2, naming the PAC and what is wrong.
 */
import type { Profile } from '../../shared/profile';
import type { Routing } from '../core/koodrive/connectionFor';
import { ProxyDecisionError, type SystemProxyStep, decideProxy } from '../core/koodrive/proxyDecision';
import { cachedProxyResolver } from '../core/koodrive/systemProxyCache';
import type { Transport } from '../core/koodrive/transport';
import { type ProxyCredential, readProxyCredential } from '../core/secrets/proxyCredential';
import type { SecretStore } from '../core/secrets/secretStore';
import { CliError } from './cliError';
import type { Connection } from './connection';
import { EXIT } from './exitCodes';
import type { OptionValues } from './options';

export const PAC_VARIABLE = 'KOODRIVE_PAC';

/** --pac wins over KOODRIVE_PAC; blank means none. */
export function pacLocation(values: OptionValues, env: Readonly<Record<string, string | undefined>>): string | null {
  const given = values.pac ?? env[PAC_VARIABLE];
  return given?.trim() ? given.trim() : null;
}

async function pacStep(location: string, transport: Transport): Promise<SystemProxyStep> {
  // Loaded only when a PAC is given: a plain run never reads pac-resolver or QuickJS.
  const [{ readPac }, { compilePac, PacError }] = await Promise.all([
    import('../core/koodrive/pacSource'),
    import('../core/koodrive/pacScript'),
  ]);
  try {
    const { name, script } = await readPac(location, transport);
    const resolve = await compilePac(script, name);
    return { name, resolve: cachedProxyResolver(resolve), directIsFinal: true };
  } catch (error) {
    if (error instanceof PacError) throw new CliError(`${error.message} Nothing was sent.`, EXIT.usage);
    throw error;
  }
}

/** The keychain entry, read once and only when a request goes through a proxy. */
function onceFromKeychain(
  store: SecretStore,
  profileId: string,
): (profile: Profile) => Promise<ProxyCredential | null> {
  let read: Promise<ProxyCredential | null> | null = null;
  return () => {
    read ??= readProxyCredential(store, profileId);
    return read;
  };
}

export async function cliRouting(
  connection: Connection,
  options: {
    values: OptionValues;
    env: Readonly<Record<string, string | undefined>>;
    transport: Transport;
    secretStore: SecretStore;
  },
): Promise<Routing> {
  const location = pacLocation(options.values, options.env);
  const routing: Routing = {
    env: options.env,
    systemProxyAbsent: 'no PAC given (--pac or KOODRIVE_PAC)',
  };
  if (connection.saved) routing.proxyCredentials = onceFromKeychain(options.secretStore, connection.profile.id);
  if (location === null) return routing;
  routing.systemProxy = await pacStep(location, options.transport);
  try {
    // Evaluated now for the profile's host, so a PAC that fails or names only SOCKS stops the command here.
    await decideProxy(connection.profile, routing);
  } catch (error) {
    if (error instanceof ProxyDecisionError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
  return routing;
}
