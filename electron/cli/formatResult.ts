/** Human-readable lines for results: one line each, safe to print on a terminal. */
import type { MessageLocale } from '../../shared/messages/localized';
import { remedyIn } from './cliLocale';
import { outcomeOf } from '../../shared/batchOutcome';
import type { LockOperation, LockResult, ResultKind } from '../../shared/result';

const DONE_VERB: Record<LockOperation, string> = { release: 'released', renew: 'renewed', create: 'created' };

const KIND_LABEL: Record<ResultKind, string> = {
  success: 'success',
  auth: 'authentication failed',
  clock: 'request time rejected',
  'not-found': 'not found',
  conflict: 'refused',
  throttled: 'too many requests',
  server: 'server error',
  network: 'network error',
  tls: 'TLS error',
  timeout: 'timed out',
  'invalid-response': 'unreadable answer',
  'invalid-input': 'invalid input',
  cancelled: 'cancelled',
  'destination-changed': 'secret stored for another destination',
  'proxy-auth': 'proxy authentication failed',
};

/** Removes terminal control sequences and line breaks from text that came from a server or a file. */
export function printable(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function details(result: LockResult): string {
  const parts: string[] = [];
  parts.push(result.httpStatus === null ? 'no HTTP response' : `HTTP ${result.httpStatus}`);
  if (result.code !== null) parts.push(`code ${printable(result.code, 40)}`);
  if (result.requestId) parts.push(`request ${printable(result.requestId, 80)}`);
  parts.push(`${Math.round(result.durationMs)} ms`);
  return parts.join(', ');
}

function subject(result: LockResult): string {
  const user = result.userId ? ` for user ${printable(result.userId, 40)}` : '';
  if (result.lockId) return `${printable(result.lockId)}${user}`;
  return `${result.operation === 'create' ? 'create' : '(no lock ID)'}${user}`;
}

/**
 * One line for a result; `remedyNumber`: in a batch, name the remedy by number instead of repeating its text;
 * `locale`: the remedy's language (cliLocale.ts).
 */
export function formatResult(result: LockResult, remedyNumber?: number, locale: MessageLocale = 'en'): string {
  if (outcomeOf(result) === 'already-gone') {
    return `already gone ${subject(result)}: the server has no such lock for this user (${details(result)})`;
  }
  if (result.ok) return `${DONE_VERB[result.operation]} ${subject(result)} (${details(result)})`;
  const what = result.msg ? printable(result.msg) : KIND_LABEL[result.kind];
  const remedyText =
    remedyNumber === undefined
      ? printable(remedyIn(locale, result.remedy, result.remedyMessage), 600)
      : `remedy ${remedyNumber} below`;
  const remedy = result.remedy ? ` — ${remedyText}` : '';
  return `FAILED ${subject(result)}: ${what} (${details(result)})${remedy}`;
}
