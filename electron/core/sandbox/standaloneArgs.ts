import { isLoopbackHost } from '../../../shared/identifiers';
import type { SandboxCredentials, SandboxOptions } from './types';

export type StandaloneArgs =
  { kind: 'run'; options: SandboxOptions } | { kind: 'help' } | { kind: 'error'; problem: string };

export const STANDALONE_USAGE = `Usage: npm run sandbox -- [options]

Starts the KooDrive sandbox: a local practice server for backup locks (not KooDrive itself).

Options:
  --port N            port to listen on (default 0: a free port is picked)
  --host HOST         loopback address to listen on: 127.0.0.1 (default), localhost or ::1
  --https             serve HTTPS with a certificate generated at start (its CA file is printed)
  --user-id DIGITS    fixed KooDrive user ID (default: random, 19 digits)
  --token TOKEN       fixed bearer token (default: random)
  --app-id ID         fixed AppId for app authentication (default: random)
  --app-secret SECRET fixed AppSecret for app authentication (default: random)
  --quiet             do not print a line per request
  -h, --help          show this help
`;

const VALUE_FLAGS: Readonly<Record<string, keyof SandboxCredentials | 'port' | 'host'>> = {
  '--port': 'port',
  '--host': 'host',
  '--user-id': 'userId',
  '--token': 'token',
  '--app-id': 'appId',
  '--app-secret': 'appSecret',
};

export function parseStandaloneArgs(argv: readonly string[]): StandaloneArgs {
  const options: SandboxOptions = { quiet: false, port: 0 };
  const credentials: Partial<SandboxCredentials> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--https') {
      options.https = true;
      continue;
    }
    if (arg === '--quiet') {
      options.quiet = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const target = Object.hasOwn(VALUE_FLAGS, flag) ? VALUE_FLAGS[flag] : undefined;
    if (!target) return { kind: 'error', problem: `Unknown option "${flag}". Run with --help for the list.` };
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      i += 1;
      value = argv[i];
    }
    if (value === undefined || value.length === 0) return { kind: 'error', problem: `${flag} needs a value.` };
    if (target === 'port') {
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
        return { kind: 'error', problem: '--port takes a number from 0 to 65535.' };
      }
      options.port = Number(value);
    } else if (target === 'host') {
      if (!isLoopbackHost(value)) {
        return {
          kind: 'error',
          problem: `--host ${value} is not a loopback address. The sandbox only listens on this computer (127.0.0.1, localhost, ::1).`,
        };
      }
      options.host = value.replace(/^\[|\]$/g, '');
    } else {
      credentials[target] = value;
    }
  }
  if (Object.keys(credentials).length > 0) options.credentials = credentials;
  return { kind: 'run', options };
}
