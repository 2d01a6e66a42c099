/** Timers the sandbox starts for faults; stop() cancels every one still pending. */
export class TimerSet {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();
  private stopped = false;

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Runs `fn` after `ms` unless stopped first; `onCancel` runs instead when stop() comes first. */
  after(ms: number, fn: () => void, onCancel: () => void = () => undefined): void {
    if (this.stopped) {
      onCancel();
      return;
    }
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, ms);
    this.pending.set(timer, onCancel);
  }

  /** Resolves true after `ms`, or false as soon as the sandbox stops. */
  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) =>
      this.after(
        ms,
        () => resolve(true),
        () => resolve(false),
      ),
    );
  }

  stopAll(): void {
    this.stopped = true;
    for (const [timer, onCancel] of this.pending) {
      clearTimeout(timer);
      onCancel();
    }
    this.pending.clear();
  }
}
