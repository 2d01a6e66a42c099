/**
 * The floor of a sound CLI batch (docs/benchmarks.md § 7): a fresh process that does only what an audited batch
 * must, with none of the CLI's or the batch runner's code: each request built and signed with a fresh X-Date at
 * the moment it is sent (the core's request builder, as "floor + signing" in § 2), its pending audit line written
 * and fsynced before it leaves, its result line written and fsynced after the answer; lines waiting together
 * share one write + fsync (the product's audit log does the same). node:http over one keep-alive agent,
 * `concurrency` at a time. Exit 0 when every answer was 200.
 * Usage: node batchFloorChild.js <input.json: baseUrl, concurrency, profile, lockIds> <audit file>
 * with the App secret in KOODRIVE_APP_SECRET.
 */
import { closeSync, fsync, openSync, readFileSync, write } from 'node:fs';
import { promisify } from 'node:util';
import type { Profile } from '../../../shared/profile';
import { rawFloor, signedRelease } from './clients';

interface BatchFloorInput {
  baseUrl: string;
  concurrency: number;
  profile: Profile;
  lockIds: string[];
}

/** Appends lines durably; lines arriving while a write + fsync runs go together in the next one. */
function groupCommitLog(fd: number): (line: string) => Promise<void> {
  const writeText = promisify((text: string, done: (error: Error | null) => void) => write(fd, text, (e) => done(e)));
  const sync = promisify((done: (error: Error | null) => void) => fsync(fd, (e) => done(e)));
  let queued: string[] = [];
  let waiting: Array<() => void> = [];
  let flushing: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    while (queued.length > 0) {
      const lines = queued.join('');
      const done = waiting;
      queued = [];
      waiting = [];
      await writeText(lines);
      await sync();
      done.forEach((resolve) => resolve());
    }
    flushing = null;
  };
  return (line) =>
    new Promise<void>((resolve) => {
      queued.push(`${line}\n`);
      waiting.push(resolve);
      flushing ??= flush();
    });
}

async function main(): Promise<void> {
  const [inputFile, auditFile] = process.argv.slice(2);
  const input = JSON.parse(readFileSync(inputFile, 'utf8')) as BatchFloorInput;
  const secret = process.env.KOODRIVE_APP_SECRET ?? '';
  const fd = openSync(auditFile, 'a', 0o600);
  const append = groupCommitLog(fd);
  const floor = rawFloor(input.baseUrl);
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < input.lockIds.length) {
      const lockId = input.lockIds[next++];
      const request = signedRelease(input.profile, secret, lockId);
      await append(JSON.stringify({ phase: 'pending', lockId, at: request.headers['X-Date'] }));
      const status = await floor.send(request);
      await append(JSON.stringify({ phase: 'result', lockId, status }));
      if (status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  floor.agent.destroy();
  closeSync(fd);
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`batch floor: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
