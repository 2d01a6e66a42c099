import type { ConnectionStep, ConnectionStepName } from '../../../shared/diagnostics';
import { english } from '../../../shared/messages/english';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import type { Clock } from '../clock';

/** What one step found; the runner adds the step name and the time it took. */
export interface StepOutcome {
  ok: boolean | null;
  /** detailMessage in English. */
  detail: string;
  detailMessage: Message;
  remedy: Message | null;
  certificate?: ConnectionStep['certificate'];
}

/** A step's finding as a message (shared/messages/diagnostics.en.ts) and in English. */
export function outcome(ok: boolean | null, detail: Message, remedy: Message | null): StepOutcome {
  return { ok, detail: english(detail), detailMessage: detail, remedy };
}

export function passed(detail: Message, remedy: Message | null = null): StepOutcome {
  return outcome(true, detail, remedy);
}

export function failed(detail: Message, remedy: Message): StepOutcome {
  return outcome(false, detail, remedy);
}

export function skippedStep(step: ConnectionStepName, detail: Message): ConnectionStep {
  return stepOf(step, 0, outcome(null, detail, null));
}

/** A detail followed by a note (the route, the proxy password), each a sentence of its own. */
export function withNote(detail: Message, note: Message | null): Message {
  return note === null ? detail : message('detail.withNote', { detail, note });
}

/** Free text from elsewhere (an error's own words), as a detail or a parameter. */
export function asReported(text: string): Message {
  return message('detail.asReported', { text });
}

/** Runs one step, timing it on the monotonic clock; a step that throws is reported as failed, never thrown. */
export async function timedStep(
  step: ConnectionStepName,
  clock: Clock,
  run: () => Promise<StepOutcome>,
): Promise<ConnectionStep> {
  const started = clock.monotonicMs();
  let found: StepOutcome;
  try {
    found = await run();
  } catch {
    found = failed(message('detail.internalError'), message('step.internalError'));
  }
  const durationMs = Math.max(0, Math.round((clock.monotonicMs() - started) * 10) / 10);
  return stepOf(step, durationMs, found);
}

/** A step as the report shows it: the detail and the remedy in English and as messages. */
export function stepOf(step: ConnectionStepName, durationMs: number, found: StepOutcome): ConnectionStep {
  const { remedy, ...rest } = found;
  if (remedy === null) return { step, durationMs, ...rest, remedy: null };
  return { step, durationMs, ...rest, remedy: english(remedy), remedyMessage: remedy };
}

/** Resolves with the promise's value, or with `onTimeout()` when it takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
