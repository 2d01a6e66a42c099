/** Runs the built CLI (`npm run build` first) in a child process with exactly the environment given. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const BUILT_CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBuiltCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 15_000): Promise<CliRun> {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first.`);
  return new Promise<CliRun>((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** process.env without the variables that would change the network or trust of a child under test. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const dropped =
    /^(https?_proxy|all_proxy|no_proxy|node_extra_ca_certs|node_tls_reject_unauthorized|node_options|koodrive_.*)$/i;
  for (const [key, value] of Object.entries(process.env)) if (!dropped.test(key)) env[key] = value;
  return { ...env, ...extra };
}
