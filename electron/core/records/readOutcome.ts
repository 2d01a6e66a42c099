/** The common part of every record read's result (RecordReadOutcome), from an answer or from a read never sent. */
import { english } from '../../../shared/messages/english';
import type { Message } from '../../../shared/messages/template';
import type { RecordReadOutcome } from '../../../shared/records';
import type { ResultKind } from '../../../shared/result';
import type { OperationDescriptor } from '../koodrive/operation';
import { remedyMessages } from '../koodrive/remedyMessages';
import { scrubMessage } from '../scrubMessage';
import type { CallOutcome } from '../koodrive/signedCall';

/** Replaces every occurrence of the secret, in case a server echoes a header back into its message. */
export function scrubbed(value: string | null, secret: string): string | null {
  if (value === null || secret.length < 4 || !value.includes(secret)) return value;
  return value.split(secret).join('<redacted>');
}

/** The outcome of the last request; `durationMs` is the caller's total. */
export function answeredOutcome(
  outcome: CallOutcome,
  context: { host: string; userId: string; secret: string; durationMs: number },
): RecordReadOutcome {
  const { kind, body, response, transportError } = outcome;
  const { secret } = context;
  const read: RecordReadOutcome = {
    ok: kind === 'success',
    kind,
    host: context.host,
    httpStatus: response?.status ?? transportError?.httpStatus ?? null,
    code: scrubbed(body?.code ?? null, secret),
    msg: scrubbed(body?.msg ?? transportError?.message ?? null, secret),
    remedy: scrubbed(outcome.remedy, secret) ?? '',
    remedyMessage: scrubMessage(outcome.remedyMessage, secret),
    userId: context.userId,
    durationMs: Math.round(context.durationMs * 10) / 10,
  };
  const requestId = scrubbed(outcome.requestId ?? null, secret);
  if (requestId !== null) read.requestId = requestId;
  const serverDate = scrubbed(response?.headers.date ?? null, secret);
  if (serverDate !== null) read.serverDate = serverDate;
  return read;
}

/** A read that was not sent: its input was wrong, its secret unusable, or it was cancelled first. */
export function notSentOutcome(
  operation: OperationDescriptor,
  context: { host: string; userId: string | null },
  kind: Extract<ResultKind, 'invalid-input' | 'destination-changed' | 'cancelled'>,
  problem: Message | null,
): RecordReadOutcome {
  const remedy = kind === 'cancelled' || problem === null ? remedyMessages.cancelled(operation) : problem;
  return {
    ok: false,
    kind,
    host: context.host,
    httpStatus: null,
    code: null,
    msg: null,
    remedy: english(remedy),
    remedyMessage: remedy,
    userId: context.userId,
    durationMs: 0,
  };
}
