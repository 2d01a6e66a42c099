import { isLoopbackHost } from '../../shared/identifiers';
import type { SandboxCredentials, SandboxOptions } from './types';

export type StandaloneArgs =
  { kind: 'run'; options: SandboxOptions } | { kind: 'help' } | { kind: 'error'; problem: string };

export const STANDALONE_USAGE = `Usage: npm run sandbox -- [options]

Starts the KooDrive sandbox: a local practice server for backup locks and read-only backup
records (not KooDrive itself). It seeds a stuck backup to practise on: an old in-progress record
and a held lock of the same user and module.

Options:
  --port N            port to listen on (default 0: a free port is picked)
  --host HOST         loopback address to listen on: 127.0.0.1 (default), localhost or ::1
  --https             serve HTTPS with a certificate generated at start (its CA file is printed)
  --user-id DIGITS    fixed KooDrive user ID (default: random, 19 digits)
  --token TOKEN       fixed bearer token (default: random)
  --app-id ID         fixed AppId for app authentication (default: random)
  --app-secret SECRET fixed AppSecret for app authentication (default: random)
  --seed N            also create N stuck locks at start, spread over --seed-users users (default 0)
  --seed-users U      how many users the --seed locks are spread over (default 100)
  --rate R            act as a throttling gateway: R requests per second (token bucket), 429 beyond
  --burst B           requests the gateway accepts at once after a quiet spell (default: R rounded up)
  --latency MS        answer every API request MS milliseconds late (default 0)
  --jitter MS         vary the latency by up to MS milliseconds either way (default 0)
  --quiet             do not print a line per request
  --signature-detail  a bad signature's 401 also carries the server's string_to_sign
  -h, --help          show this help
`;

type NumberOption = 'seed' | 'seedUsers' | 'rate' | 'burst' | 'latencyMs' | 'jitterMs';

const VALUE_FLAGS: Readonly<Record<string, keyof SandboxCredentials | NumberOption | 'port' | 'host'>> = {
  '--port': 'port',
  '--host': 'host',
  '--user-id': 'userId',
  '--token': 'token',
  '--app-id': 'appId',
  '--app-secret': 'appSecret',
  '--seed': 'seed',
  '--seed-users': 'seedUsers',
  '--rate': 'rate',
  '--burst': 'burst',
  '--latency': 'latencyMs',
  '--jitter': 'jitterMs',
};

/** What each number flag takes; startSandbox() checks the ranges. */
const NUMBER_FLAGS: Readonly<Record<NumberOption, { pattern: RegExp; takes: string }>> = {
  seed: { pattern: /^\d{1,6}$/, takes: 'a whole number of locks' },
  seedUsers: { pattern: /^\d{1,6}$/, takes: 'a whole number of users' },
  rate: { pattern: /^\d{1,7}(\.\d{1,6})?$/, takes: 'a number of requests per second, e.g. 200 or 0.5' },
  burst: { pattern: /^\d{1,7}$/, takes: 'a whole number of requests' },
  latencyMs: { pattern: /^\d{1,6}(\.\d{1,3})?$/, takes: 'a number of milliseconds' },
  jitterMs: { pattern: /^\d{1,6}(\.\d{1,3})?$/, takes: 'a number of milliseconds' },
};

function isNumberOption(target: string): target is NumberOption {
  return Object.hasOwn(NUMBER_FLAGS, target);
}

export function parseStandaloneArgs(argv: readonly string[]): StandaloneArgs {
  const options: SandboxOptions = { quiet: false, port: 0, stuckBackup: true };
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
    if (arg === '--signature-detail') {
      options.signatureDetail = true;
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
    } else if (isNumberOption(target)) {
      const { pattern, takes } = NUMBER_FLAGS[target];
      if (!pattern.test(value)) return { kind: 'error', problem: `${flag} takes ${takes}, not "${value}".` };
      options[target] = Number(value);
    } else {
      credentials[target] = value;
    }
  }
  if (Object.keys(credentials).length > 0) options.credentials = credentials;
  return { kind: 'run', options };
}
