/**
 * Builds the exact lock request to send: method, URL (base path prefix kept), headers and body bytes.
 * Bearer mode: `Authorization: <prefix> <token>`; app mode: HMAC-SHA256 over exactly the Host and body
 * that go on the wire (spec §6). X-User-Id and a fresh X-Date are sent in both modes (spec §10 Q2).
 */
import { apiUrl, checkBaseUrl } from '../../../shared/identifiers';
import type { Profile } from '../../../shared/profile';
import type { LockOperation } from '../../../shared/result';
import { DEFAULT_SIGNED_HEADERS, signAppRequest } from './sign';
import type { HttpRequest } from './transport';
import { formatXDate } from './xdate';

export { redactHeaders } from './redactHeaders';

export const LOCK_PATH = '/koodrive/ose/v1/backup/lock';
export const DEFAULT_BEARER_PREFIX = 'Bearer';

export const LOCK_METHODS: Readonly<Record<LockOperation, HttpRequest['method']>> = {
  release: 'DELETE',
  renew: 'PATCH',
  create: 'POST',
};

export interface LockRequestInput {
  profile: Profile;
  operation: LockOperation;
  /** Required for release and renew; sent as given (validate and trim before). */
  lockId?: string;
  /** For create; defaults to the profile's module code. */
  moduleCode?: string;
  /** The end user (X-User-Id), resolved and validated (shared/profile.ts resolveUserId); default the profile's. */
  userId?: string;
  secret: string;
  now: Date;
  /** App mode only: headers to sign besides host, x-date and x-user-id (spec §10 Q9). */
  extraSignedHeaders?: string[];
}

export interface PreparedRequest {
  method: HttpRequest['method'];
  url: URL;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** App mode only, for diagnosing rejected signatures; contains no secret. */
  canonicalRequest?: string;
  stringToSign?: string;
}

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const NON_ASCII = /[^\x20-\x7e]/;

/**
 * Why a secret cannot be used, or null. A token travels in a header, so it must be printable ASCII;
 * an App secret is only the HMAC key, but a line break in it is still a paste mistake. Never echoes it.
 */
export function secretProblem(secret: string, authMode: Profile['authMode']): string | null {
  if (secret.length === 0) return 'The stored secret for this profile is empty; store the token or App secret again.';
  if (CONTROL.test(secret))
    return 'The stored secret contains line breaks or other control characters; store it again, pasted as one line.';
  if (authMode === 'bearer' && NON_ASCII.test(secret))
    return 'The stored access token contains non-ASCII characters, which cannot be sent in a header; store the token again.';
  return null;
}

const MAX_CACHED_URLS = 64;
const lockUrls = new Map<string, { url: URL } | { problem: string }>();

/**
 * The lock endpoint for a base URL, or why the base URL is unusable. Cached per base URL (batches
 * release thousands of locks on one profile): callers share the URL object and must not change it.
 */
export function lockUrlFor(baseUrl: string): { ok: true; url: URL } | { ok: false; problem: string } {
  const entry = lockUrlEntry(baseUrl);
  return 'url' in entry ? { ok: true, url: entry.url } : { ok: false, problem: entry.problem };
}

/** Why the base URL is unusable, or null. */
export function lockUrlProblem(baseUrl: string): string | null {
  const entry = lockUrlEntry(baseUrl);
  return 'problem' in entry ? entry.problem : null;
}

function lockUrlEntry(baseUrl: string): { url: URL } | { problem: string } {
  let entry = lockUrls.get(baseUrl);
  if (!entry) {
    const base = checkBaseUrl(baseUrl);
    entry = base.ok ? { url: apiUrl(base.url, LOCK_PATH) } : { problem: base.problem };
    if (lockUrls.size >= MAX_CACHED_URLS) lockUrls.clear();
    lockUrls.set(baseUrl, entry);
  }
  return entry;
}

export class RequestBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestBuildError';
  }
}

/** The X-User-Id to send: the resolved user, else the profile's default; a request without one cannot be built. */
export function requiredUserId(userId: string | undefined, profile: Profile): string {
  const user = userId ?? profile.userId;
  if (user === undefined || user === '') {
    throw new RequestBuildError('Enter the user ID of the end user this request is for.');
  }
  return user;
}

export function prepareLockRequest(input: LockRequestInput): PreparedRequest {
  const { profile, operation } = input;
  const lockUrl = lockUrlFor(profile.baseUrl);
  if (!lockUrl.ok) throw new RequestBuildError(lockUrl.problem);
  const problem = secretProblem(input.secret, profile.authMode);
  if (problem) throw new RequestBuildError(problem);

  const { url } = lockUrl;
  const method = LOCK_METHODS[operation];
  const headers: Record<string, string> = {
    Host: url.host,
    'X-Date': formatXDate(input.now),
    'X-User-Id': requiredUserId(input.userId, profile),
  };
  let body: Uint8Array | undefined;
  if (operation === 'create') {
    const moduleCode = input.moduleCode ?? profile.moduleCode;
    body = Buffer.from(JSON.stringify({ moduleCode }), 'utf8');
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(body.byteLength);
  } else {
    if (!input.lockId) throw new RequestBuildError(`A lock ID is required to ${operation} a lock.`);
    headers['x-backup-lock-id'] = input.lockId;
  }

  if (profile.authMode === 'bearer') {
    headers.Authorization = `${profile.bearerPrefix ?? DEFAULT_BEARER_PREFIX} ${input.secret}`;
    return { method, url, headers, body };
  }

  if (!profile.appId)
    throw new RequestBuildError('App authentication needs the App ID (AppId) from the KooDrive console.');
  const signed = signAppRequest({
    method,
    path: url.pathname,
    query: url.search ? [...url.searchParams.entries()] : [],
    headers,
    signedHeaders: input.extraSignedHeaders?.length
      ? [...DEFAULT_SIGNED_HEADERS, ...input.extraSignedHeaders]
      : DEFAULT_SIGNED_HEADERS,
    body: body ?? '',
    appId: profile.appId,
    appSecret: input.secret,
  });
  headers.Authorization = signed.authorization;
  return { method, url, headers, body, canonicalRequest: signed.canonicalRequest, stringToSign: signed.stringToSign };
}
