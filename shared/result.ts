/** The one result type every lock operation returns, in the GUI, the CLI and the audit log. */
import type { Message } from './messages/template';

export const RESULT_KINDS = [
  'success',
  'auth',
  'clock',
  'not-found',
  'conflict',
  'throttled',
  'server',
  'network',
  'tls',
  'timeout',
  'invalid-response',
  'invalid-input',
  'cancelled',
  /** The stored secret was stored for another destination (base URL, auth mode, App ID, proxy, CA): not used. */
  'destination-changed',
  /** The proxy asked for a user name and password (HTTP 407), or rejected the ones given; nothing reached KooDrive. */
  'proxy-auth',
] as const;

export type ResultKind = (typeof RESULT_KINDS)[number];

export const LOCK_OPERATIONS = ['release', 'renew', 'create'] as const;
export type LockOperation = (typeof LOCK_OPERATIONS)[number];

export interface LockResult {
  ok: boolean;
  kind: ResultKind;
  operation: LockOperation;
  /** Host (and port) the request went to, for the support ticket. */
  host: string;
  /** null when no HTTP response arrived (network error, timeout, invalid input). */
  httpStatus: number | null;
  /** The server's business code (`code`) or gateway code (`error_code`), always as text. */
  code: string | null;
  msg: string | null;
  /** The lock released or renewed, or the one created. */
  lockId: string | null;
  /** The end user the request was for (X-User-Id); null when no user could be chosen (invalid input). */
  userId: string | null;
  /** The batch this result belongs to, if any. */
  batchId?: string;
  /** ISO-8601 time the request was sent (absent when nothing was sent). */
  sentAt?: string;
  durationMs: number;
  /** How many times the request was sent (throttled answers are sent again); absent when nothing was sent. */
  attempts?: number;
  requestId?: string;
  /** The server's Date header, when it sent one (used by the clock check). */
  serverDate?: string;
  /** One sentence a support engineer can act on, in English (CSV exports and the CLI's default show it). */
  remedy: string;
  /** The same sentence as a key and parameters, for the reader's language (docs/renderer.md#messages-from-main-keys-and-parameters). */
  remedyMessage: Message;
}
