/**
 * One read request, sent again while the answer proves it was not processed (429, APIGW.0308, 503 with
 * Retry-After; throttleRetry.ts), after the server's delay and freshly signed. Reads change nothing, so
 * there is no audit entry (docs/cli.md#records-list): only lock operations are audited.
 */
import { type Clock, sleepOn } from '../clock';
import { type CallDeps, type CallOutcome, type SignedCall, signedCall } from '../koodrive/signedCall';
import { type ThrottleRetryOptions, attemptsOption, planRetry } from '../throttleRetry';

export interface ReadDeps extends CallDeps {
  clock: Clock;
  throttleRetry?: ThrottleRetryOptions;
}

export interface SentRead {
  /** The last attempt's outcome. */
  outcome: CallOutcome;
  /** Round trips of every attempt, added up (ms). */
  durationMs: number;
}

export async function sendRead(deps: ReadDeps, call: SignedCall): Promise<SentRead> {
  const options: ThrottleRetryOptions = {
    ...deps.throttleRetry,
    maxAttempts: attemptsOption(deps.throttleRetry?.maxAttempts),
  };
  let durationMs = 0;
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await signedCall(deps, call);
    durationMs += outcome.durationMs;
    const { response, body } = outcome;
    if (!response) return { outcome, durationMs };
    const answer = {
      status: response.status,
      code: body?.code ?? null,
      retryAfter: response.headers['retry-after'],
      serverDate: response.headers.date,
    };
    const plan = planRetry(answer, attempt, deps.clock.now(), options);
    if (plan.delayMs === null || call.signal?.aborted) return { outcome, durationMs };
    if (!(await sleepOn(deps.clock, plan.delayMs, call.signal))) return { outcome, durationMs };
  }
}
