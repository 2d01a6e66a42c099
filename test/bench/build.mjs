// Bundles the bench (and its child processes) into out/bench, so that the core, the transport and
// the sandbox are measured as compiled for shipping. tsx, which runs the tests, compiles with
// esbuild's keepNames, and that wraps every function created at run time in a __name() call.
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;
const extra = process.argv.slice(2);

await build({
  entryPoints: {
    run: path.join(here, 'run.ts'),
    sandboxChild: path.join(here, 'support', 'sandboxChild.ts'),
    memoryProbeChild: path.join(here, 'support', 'memoryProbeChild.ts'),
    rawLoopChild: path.join(here, 'support', 'rawLoopChild.ts'),
    batchFloorChild: path.join(here, 'support', 'batchFloorChild.ts'),
    releaseFloorChild: path.join(here, 'support', 'releaseFloorChild.ts'),
    mainStartupChild: path.join(here, 'support', 'mainStartupChild.ts'),
    standInStartupChild: path.join(here, 'support', 'standInStartupChild.ts'),
    ...Object.fromEntries(extra.map((file) => [path.basename(file, '.ts'), path.resolve(file)])),
  },
  outdir: path.resolve(here, '..', '..', 'out', 'bench'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
