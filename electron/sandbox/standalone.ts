/** Entry of `npm run sandbox` (built to out/main/sandbox.js, run with node). */
import { startStandalone } from './standaloneCli';

async function main(): Promise<void> {
  const started = await startStandalone(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
  if (!started.running) {
    process.exitCode = started.exitCode;
    return;
  }
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting without waiting.\n`);
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the sandbox...\n`);
    started.stop().then(
      () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        process.stdout.write('Sandbox stopped.\n');
        process.exitCode = 0;
      },
      (error: unknown) => {
        process.stderr.write(`Stopping failed: ${error instanceof Error ? error.message : 'unknown error'}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(`The sandbox failed: ${error instanceof Error ? error.message : 'unknown error'}\n`);
  process.exitCode = 1;
});
