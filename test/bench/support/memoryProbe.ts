import { forkBenchChild } from './benchChild';
import type { ProbeReply, ProbeRequest } from './memoryProbeChild';

/** Runs one core batch in a fresh process (see memoryProbeChild.ts). */
export function probeBatchMemory(request: ProbeRequest): Promise<ProbeReply> {
  const child = forkBenchChild('memoryProbeChild', ['--expose-gc']);
  return new Promise<ProbeReply>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the memory probe did not finish in time'));
    }, request.timeLimitMs + 20_000);
    child.once('message', (reply: unknown) => {
      clearTimeout(timer);
      resolve(reply as ProbeReply);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the memory probe exited (${code}) without an answer`));
    });
    child.send(request);
  });
}
