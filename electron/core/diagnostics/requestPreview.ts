/**
 * The request preview: exactly what a lock operation would send, built by the same request builder
 * with the real secret, then made safe to show: the Authorization credential (token or HMAC signature,
 * itself a 15-minute credential) is redacted, and any other occurrence of either is scrubbed.
 */
import type { RequestPreview } from '../../../shared/diagnostics';
import type { Profile } from '../../../shared/profile';
import type { LockOperation } from '../../../shared/result';
import { prepareLockRequest } from '../koodrive/lockRequests';
import { REDACTED, redactHeaders } from '../koodrive/redactHeaders';
import { DEFAULT_SIGNED_HEADERS } from '../koodrive/sign';
import { curlCommand } from './curlCommand';

export interface PreviewInput {
  profile: Profile;
  /** The end user (X-User-Id), resolved; default the profile's. */
  userId?: string;
  operation: LockOperation;
  /** Checked and trimmed (release, renew). */
  lockId?: string;
  /** Checked and trimmed (create). */
  moduleCode?: string;
  secret: string;
  /** The local clock's time; clockOffsetMs is added to it, as the lock service does when signing. */
  now: Date;
  clockOffsetMs?: number;
}

const SIGNATURE = /Signature=([0-9a-f]{64})/i;
/** Shorter values could match by coincidence (a digit of the user ID); redacting those would garble the preview. */
const MIN_SCRUBBED_LENGTH = 4;

function scrub(text: string, credentials: readonly string[]): string {
  let out = text;
  for (const credential of credentials) {
    if (credential.length >= MIN_SCRUBBED_LENGTH && out.includes(credential))
      out = out.split(credential).join(REDACTED);
  }
  return out;
}

function scrubNullable(text: string | null, credentials: readonly string[]): string | null {
  return text === null ? null : scrub(text, credentials);
}

export function previewLockRequest(input: PreviewInput): RequestPreview {
  const offset = input.clockOffsetMs ?? 0;
  const prepared = prepareLockRequest({
    profile: input.profile,
    userId: input.userId,
    operation: input.operation,
    lockId: input.lockId,
    moduleCode: input.moduleCode,
    secret: input.secret,
    now: new Date(input.now.getTime() + offset),
  });
  const signature = SIGNATURE.exec(prepared.headers.Authorization ?? '')?.[1];
  const credentials = signature ? [input.secret, signature] : [input.secret];
  const body = prepared.body ? Buffer.from(prepared.body).toString('utf8') : null;
  const headers = Object.fromEntries(
    Object.entries(redactHeaders(prepared.headers)).map(([name, value]) => [name, scrub(value, credentials)]),
  );
  const script = {
    method: prepared.method,
    url: prepared.url,
    headers: prepared.headers,
    body,
    profile: input.profile,
    signedHeaders: DEFAULT_SIGNED_HEADERS,
    clockOffsetMs: offset,
  };
  const curl = curlCommand(script);
  const powershell = curlCommand({ ...script, shell: 'powershell' });
  return {
    method: prepared.method,
    url: scrub(prepared.url.href, credentials),
    headers,
    body: scrubNullable(body, credentials),
    canonicalRequest: scrubNullable(prepared.canonicalRequest ?? null, credentials),
    stringToSign: scrubNullable(prepared.stringToSign ?? null, credentials),
    curl: scrub(curl, credentials),
    powershell: scrub(powershell, credentials),
  };
}
