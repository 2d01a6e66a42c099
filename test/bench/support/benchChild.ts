/**
 * Forks one of the bench's child scripts next to this module: the bundled `.js` when the bench runs
 * from its build (out/bench, see test/bench/build.mjs), the `.ts` source under tsx otherwise.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

export function forkBenchChild(name: string, extraExecArgv: readonly string[] = []): ChildProcess {
  const bundled = path.extname(__filename) === '.js';
  const file = path.join(__dirname, `${name}${bundled ? '.js' : '.ts'}`);
  const execArgv = bundled ? [...extraExecArgv] : ['--import', 'tsx', ...extraExecArgv];
  return fork(file, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}
