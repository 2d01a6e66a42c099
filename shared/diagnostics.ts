import type { Message } from './messages/template';

export interface RequestPreview {
  method: string;
  url: string;
  /** Exactly the headers that would be sent, with the Authorization credential redacted. */
  headers: Record<string, string>;
  body: string | null;
  /** App (HMAC) auth only. */
  canonicalRequest: string | null;
  stringToSign: string | null;
  /** A POSIX shell script that sends the same request; the secret reaches curl and openssl through pipes only. */
  curl: string;
  /** The same for Windows PowerShell: the secret is read with Read-Host -AsSecureString, never in an argument. */
  powershell: string;
}

export const CLOCK_VERDICTS = ['ok', 'local-ahead', 'local-behind', 'unknown'] as const;
export type ClockVerdict = (typeof CLOCK_VERDICTS)[number];

export interface ClockCheck {
  localTime: string;
  serverTime: string | null;
  /** server minus local, in ms (positive: the local clock is behind). */
  skewMs: number | null;
  verdict: ClockVerdict;
  /** verdictMessage in English. */
  message: string;
  /** The message as a key and parameters for the reader's language (docs/renderer.md#messages-from-main-keys-and-parameters). */
  verdictMessage?: Message;
  /** Offset to pass as clockOffsetMs to sign with the server-corrected time, when that would help. */
  suggestedOffsetMs: number | null;
}

export const CONNECTION_STEPS = ['dns', 'tcp', 'tls', 'http', 'auth'] as const;
export type ConnectionStepName = (typeof CONNECTION_STEPS)[number];

export interface ConnectionStep {
  step: ConnectionStepName;
  /** null: skipped (an earlier step failed, or TLS on plain http). */
  ok: boolean | null;
  durationMs: number;
  /** What the step found, in English (detailMessage in English). */
  detail: string;
  /** The detail as a key and parameters for the reader's language. */
  detailMessage?: Message;
  /** In English; null when there is nothing to do. */
  remedy: string | null;
  /** The remedy as a key and parameters for the reader's language, when there is one (docs/renderer.md#messages-from-main-keys-and-parameters). */
  remedyMessage?: Message;
  certificate?: { subject: string; issuer: string; validFrom: string; validTo: string };
}

export interface ConnectionReport {
  profileId: string;
  host: string;
  steps: ConnectionStep[];
}
