import type { ConnectionStep, ConnectionStepName } from '../../../shared/diagnostics';
import { english } from '../../../shared/messages/english';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';

import type { Clock } from '../clock';

/** What one step found; the runner adds the step name and the time it took. */
export interface StepOutcome {
  ok: boolean | null;
  detail: string;
  remedy: Message | null;
  certificate?: ConnectionStep['certificate'];
}

export function passed(detail: string, remedy: Message | null = null): StepOutcome {
  return { ok: true, detail, remedy };
}

export function failed(detail: string, remedy: Message): StepOutcome {
  return { ok: false, detail, remedy };
}

export function skippedStep(step: ConnectionStepName, detail: string): ConnectionStep {
  return { step, ok: null, durationMs: 0, detail, remedy: null };
}

/** Runs one step, timing it on the monotonic clock; a step that throws is reported as failed, never thrown. */
export async function timedStep(
  step: ConnectionStepName,
  clock: Clock,
  run: () => Promise<StepOutcome>,
): Promise<ConnectionStep> {
  const started = clock.monotonicMs();
  let outcome: StepOutcome;
  try {
    outcome = await run();
  } catch {
    outcome = failed('The check failed inside the app.', message('step.internalError'));
  }
  const durationMs = Math.max(0, Math.round((clock.monotonicMs() - started) * 10) / 10);
  return stepOf(step, durationMs, outcome);
}

/** A step as the report shows it: the remedy in English and as a message. */
export function stepOf(step: ConnectionStepName, durationMs: number, outcome: StepOutcome): ConnectionStep {
  const { remedy, ...rest } = outcome;
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
