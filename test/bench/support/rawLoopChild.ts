/**
 * The raw Node loop the CLI's batch start-up is compared with: a fresh process that reads requests
 * signed before it started (a JSON file: base URL, concurrency, path + headers per lock) and sends them
 * with node:http over one keep-alive agent, `concurrency` at a time. Exit 0 when every answer was 200.
 */
import { readFileSync } from 'node:fs';
import { rawFloor, type SignedRelease } from './clients';

interface RawLoopInput {
  baseUrl: string;
  concurrency: number;
  requests: SignedRelease[];
}

async function main(): Promise<void> {
  const input = JSON.parse(readFileSync(process.argv[2], 'utf8')) as RawLoopInput;
  const floor = rawFloor(input.baseUrl);
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < input.requests.length) {
      const request = input.requests[next++];
      if ((await floor.send(request)) !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  floor.agent.destroy();
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`raw loop: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
