/**
 * Runs IPC calls (and, between them, keyring actions and CLI runs) in a process of its own, so that it
 * can have its own D-Bus session, HOME and keychain. Started by the keychain tests as
 *   node --import tsx test/support/ipcChild.ts
 * with the steps as JSON in KOODRIVE_CHILD_STEPS and the data folder in KOODRIVE_CHILD_DATA_DIR. The
 * secret comes from KOODRIVE_TEST_SECRET and replaces the text <<SECRET>> anywhere in the steps, so it
 * is never on a command line. Prints one line: CHILD_REPORT <JSON array of step outcomes>.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadKeytar } from '../../electron/core/secrets/keytarStore';
import { KEYCHAIN_SERVICE } from '../../electron/core/secrets/secretStore';
import { createAppServices } from '../../electron/app/services';
import { dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';

const SECRET_PLACEHOLDER = '<<SECRET>>';
const REPORT_PREFIX = 'CHILD_REPORT ';

export type ChildStep =
  | { call: string; arg?: unknown }
  | { lockKeyring: true }
  | { keytarDelete: string }
  | { cli: string[]; stdin?: string };

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export type ChildOutcome =
  | { call: string; result: unknown }
  | { lockKeyring: string }
  | { keytarDelete: boolean }
  | { cli: CliOutcome }
  | { error: string };

const CLI = path.resolve(__dirname, '../../out/main/cli.js');

function withSecret(value: unknown, secret: string): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null)
      .split(SECRET_PLACEHOLDER)
      .join(secret),
  ) as unknown;
}

async function main(): Promise<void> {
  const secret = process.env.KOODRIVE_TEST_SECRET ?? '';
  const dataDir = process.env.KOODRIVE_CHILD_DATA_DIR ?? '';
  const steps = JSON.parse(process.env.KOODRIVE_CHILD_STEPS ?? '[]') as ChildStep[];
  const services = createAppServices({ dataDir, env: {} });
  const handlers = createHandlers(services);
  const outcomes: ChildOutcome[] = [];
  try {
    for (const step of steps) {
      try {
        if ('call' in step) {
          const arg = step.arg === undefined ? undefined : withSecret(step.arg, secret);
          outcomes.push({ call: step.call, result: await dispatch(handlers, step.call, arg) });
        } else if ('lockKeyring' in step) {
          const reply = execFileSync(
            'gdbus',
            [
              'call',
              '--session',
              '--dest',
              'org.freedesktop.secrets',
              '--object-path',
              '/org/freedesktop/secrets',
              '--method',
              'org.freedesktop.Secret.Service.Lock',
              "['/org/freedesktop/secrets/collection/login']",
            ],
            { encoding: 'utf8', timeout: 10_000 },
          );
          outcomes.push({ lockKeyring: reply.trim() });
        } else if ('keytarDelete' in step) {
          const keytar = await loadKeytar();
          outcomes.push({ keytarDelete: await keytar.deletePassword(KEYCHAIN_SERVICE, step.keytarDelete) });
        } else {
          const stdin = step.stdin === undefined ? '' : String(withSecret(step.stdin, secret));
          const run = spawnSync(process.execPath, [CLI, ...step.cli], {
            input: stdin,
            encoding: 'utf8',
            timeout: 20_000,
            env: { ...process.env, KOODRIVE_LOCK_ADMIN_DATA_DIR: dataDir, KOODRIVE_TEST_SECRET: '' },
          });
          outcomes.push({ cli: { code: run.status, stdout: run.stdout, stderr: run.stderr } });
        }
      } catch (error) {
        outcomes.push({ error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    await services.dispose();
  }
  process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(outcomes)}\n`);
}

void main();
