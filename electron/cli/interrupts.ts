/** Ctrl-C during lock operations: the first stops sending, the second aborts the requests in flight. */
import type { CliIo } from './io';

export interface Interrupts {
  /** Aborted by the first Ctrl-C: send nothing more. */
  stop: AbortSignal;
  /** Aborted by the second Ctrl-C: abort the requests in flight. */
  abort: AbortSignal;
  dispose(): void;
}

export function watchInterrupts(io: CliIo, beforeMessage: () => void = () => {}): Interrupts {
  const stop = new AbortController();
  const abort = new AbortController();
  const dispose = io.onInterrupt(() => {
    beforeMessage();
    if (!stop.signal.aborted) {
      stop.abort();
      io.stderr.write(
        'Interrupted: nothing more will be sent; waiting for the requests in flight. Press Ctrl-C again to abort them.\n',
      );
    } else if (!abort.signal.aborted) {
      abort.abort();
      io.stderr.write('Aborting the requests in flight; the server may or may not have carried them out.\n');
    }
  });
  return { stop: stop.signal, abort: abort.signal, dispose };
}
