/** The single updating progress line of a batch, on stderr when it is a terminal. */
import type { BatchPacing, BatchProgress } from '../../shared/batch';
import type { TextWriter } from './io';

const CLEAR_LINE = '\r\u001b[2K';

export interface ProgressLine {
  update(progress: BatchProgress): void;
  /** Removes the line so that other output can be written; the next redraw() puts it back. */
  clear(): void;
  redraw(): void;
  /** Removes the line for good. */
  end(): void;
}

export function formatProgress(p: BatchProgress, total: number): string {
  const rate = p.ratePerSec > 0 ? `${p.ratePerSec.toFixed(1)}/s` : '-/s';
  const limit = p.pacing?.limitPerSec != null ? ` (limit ${formatRate(p.pacing.limitPerSec)}/s)` : '';
  const eta = p.etaSec === null ? 'ETA -' : `ETA ${formatSeconds(p.etaSec)}`;
  const line = `${p.done}/${total} done, ${p.failed} failed, ${p.remaining + p.inFlight} remaining · ${rate}${limit} · ${eta}`;
  return `${line}${pacingText(p.pacing)}`;
}

/** "waiting for the server: 37 throttled, resuming in 0.8 s" while throttled requests wait. */
function pacingText(pacing: BatchPacing | undefined): string {
  if (!pacing || pacing.throttled === 0) return '';
  if (pacing.waiting === 0 || pacing.resumeInSec === null) return ` · ${pacing.throttled} throttled`;
  return ` · waiting for the server: ${pacing.throttled} throttled, resuming in ${pacing.resumeInSec.toFixed(1)} s`;
}

function formatRate(perSec: number): string {
  return perSec >= 10 ? perSec.toFixed(0) : perSec.toFixed(1);
}

export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

export function createProgressLine(stderr: TextWriter, total: number, enabled: boolean): ProgressLine {
  let text = '';
  let shown = false;
  let ended = false;
  const draw = () => {
    if (!enabled || ended || text === '') return;
    stderr.write(`${CLEAR_LINE}${text}`);
    shown = true;
  };
  const clear = () => {
    if (!shown) return;
    stderr.write(CLEAR_LINE);
    shown = false;
  };
  return {
    update(progress) {
      text = formatProgress(progress, total);
      draw();
    },
    clear,
    redraw: draw,
    end() {
      clear();
      ended = true;
    },
  };
}
