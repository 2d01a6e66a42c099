/**
 * koodrive-lock profile proxy-password NAME: the profile's proxy user name and password in the OS
 * keychain (core/secrets/proxyCredential.ts), bound to one proxy origin. Used for Basic authentication
 * on CONNECT only when a request goes through exactly that proxy (the profile's, or one a PAC chose).
 */
import { proxyUrlProblem } from '../../../shared/profile';
import {
  clearProxyCredential,
  proxyCredentialProblem,
  proxyOriginOf,
  storeProxyCredential,
} from '../../core/secrets/proxyCredential';
import { CliError, UsageError } from '../cliError';
import type { Command } from '../command';
import { writeJsonLine } from '../command';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP } from '../help';
import { readSecretLine } from '../readInput';
import { requireProfile } from './profileArg';

const COMMAND = 'profile proxy-password';

export const profileProxyPasswordCommand: Command = {
  name: COMMAND,
  summary: "store (or --clear) a profile's proxy user name and password in the OS keychain",
  options: ['proxy', 'user', 'clear'],
  help: `Usage: koodrive-lock profile proxy-password NAME --user USER [--proxy http://HOST:PORT]
       koodrive-lock profile proxy-password NAME --clear

Reads the proxy password from standard input (typed on a terminal, nothing is echoed; piped, the
first line) and stores it with the user name in the OS keychain (service koodrive-lock-admin,
account <profile id>:proxy), bound to the proxy's origin: the profile's proxy, or --proxy for a
proxy that a PAC file or the system settings choose. It is sent (Basic, on CONNECT) only to exactly
that proxy; another proxy never receives it. Changing the profile's proxy in the app, or removing
the profile, removes it.
  printf '%s\\n' "$PROXY_PASSWORD" | koodrive-lock profile proxy-password prod --user alice

      --user USER          the proxy user name (DOMAIN\\user is fine)
      --proxy URL          the proxy the password is for (default: the profile's proxy)
      --clear              remove the stored proxy password

${GLOBAL_HELP}`,

  async run(context) {
    const { values, io } = context;
    const profile = await requireProfile(context, COMMAND, 'operand');
    const store = context.deps.secretStore;
    if (values.clear) {
      if (values.user !== undefined || values.proxy !== undefined)
        throw new UsageError('--clear takes no --user or --proxy.', COMMAND);
      const removed = await clearProxyCredential(store, profile.id);
      if (values.json) writeJsonLine(io, { profile: profile.id, proxyPasswordStored: false, removed });
      else
        io.stdout.write(
          removed
            ? `Removed the proxy password of profile "${profile.name}" from ${store.label}.\n`
            : `No proxy password was stored for profile "${profile.name}"; nothing to remove.\n`,
        );
      return EXIT.ok;
    }
    const proxyUrl = values.proxy?.trim() ?? profile.proxyUrl;
    if (proxyUrl === undefined)
      throw new UsageError(`The profile "${profile.name}" has no proxy: say which proxy with --proxy URL.`, COMMAND);
    const urlProblem = proxyUrlProblem(proxyUrl);
    const proxy = proxyOriginOf(proxyUrl);
    if (urlProblem || proxy === null) throw new UsageError(`--proxy: ${urlProblem ?? 'not a proxy URL'}`, COMMAND);
    const user = values.user;
    if (user === undefined) throw new UsageError('--user USER is required (the proxy user name).', COMMAND);
    const password = await readSecretLine(io, `Proxy password for ${user} at ${proxy} (input hidden): `);
    if (password === null)
      throw new CliError('No proxy password was read from standard input; nothing was saved.', EXIT.usage);
    const problem = proxyCredentialProblem(user, password);
    if (problem) throw new CliError(`${problem} Nothing was saved.`, EXIT.usage);
    await storeProxyCredential(store, profile.id, { proxy, user, password });
    if (values.json)
      writeJsonLine(io, { profile: profile.id, proxyPasswordStored: true, proxy, user, store: store.label });
    else
      io.stdout.write(
        `Stored the proxy password of ${user} for ${proxy} (profile "${profile.name}") in ${store.label}.\n`,
      );
    return EXIT.ok;
  },
};
