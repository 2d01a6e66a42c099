/**
 * What the batch handlers tell the desktop shell about a running batch, so that it can show taskbar progress and
 * say when a batch ended (electron/main/batchSignals.ts). Electron-free: the e2e host and the CLI pass none.
 */
export type BatchEnding = 'finished' | 'cancelled' | 'paused' | 'stopped';

export interface BatchEnded {
  batchId: string;
  profileName: string;
  ending: BatchEnding;
  total: number;
  released: number;
  alreadyGone: number;
  /** Retryable and needs-a-fix results. */
  failed: number;
  notSent: number;
}

export interface BatchSignalPort {
  started(batch: { batchId: string; total: number }): void;
  /** `done` counts every result so far, failures included; called as the engine reports progress. */
  progressed(batch: { batchId: string; done: number; total: number }): void;
  ended(batch: BatchEnded): void;
}
