import type { Clock } from '../../electron/core/clock';

interface Timer {
  at: number;
  seq: number;
  resolve: (completed: boolean) => void;
}

/**
 * Simulated time: sleep() registers a timer; whenever nothing else is left to run (a setImmediate
 * turn), the earliest timer fires and the clock jumps to it. Timers at the same instant fire in the
 * order they were set, so a run is deterministic as long as the code under test does no real I/O
 * while timers are pending.
 */
export interface VirtualClock extends Clock {
  sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[];
}

export function virtualClock(startMs = Date.UTC(2025, 0, 15, 8, 30, 0)): VirtualClock {
  let elapsed = 0;
  let seq = 0;
  let pumping = false;
  const timers: Timer[] = [];
  const sleeps: number[] = [];

  const pump = () => {
    pumping = false;
    if (timers.length === 0) return;
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const timer = timers.shift() as Timer;
    elapsed = Math.max(elapsed, timer.at);
    timer.resolve(true);
    schedule();
  };
  const schedule = () => {
    if (pumping || timers.length === 0) return;
    pumping = true;
    setImmediate(pump);
  };

  return {
    now: () => new Date(startMs + elapsed),
    monotonicMs: () => elapsed,
    sleeps,
    sleep(ms, signal) {
      sleeps.push(ms);
      if (signal?.aborted) return Promise.resolve(false);
      return new Promise((resolve) => {
        const timer: Timer = { at: elapsed + Math.max(0, ms), seq: (seq += 1), resolve };
        timers.push(timer);
        signal?.addEventListener(
          'abort',
          () => {
            const index = timers.indexOf(timer);
            if (index >= 0) timers.splice(index, 1);
            resolve(false);
          },
          { once: true },
        );
        schedule();
      });
    },
  };
}
