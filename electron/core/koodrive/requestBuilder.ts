/**
 * The one request builder: method, URL (base path prefix kept, query as given), headers and body bytes
 * of any KooDrive call, in either auth mode. X-User-Id and a fresh X-Date go out in both modes
 * (docs/koodrive-protocol.md#headers); the query is signed in canonical order
 * (docs/koodrive-protocol.md#app-authentication-hmac-sha256).
 */
import { english } from '../../../shared/messages/english';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import type { Profile } from '../../../shared/profile';
import { MISSING_APP_ID, authorizationFor } from './authorization';
import { endpointUrl } from './endpointUrl';
import { type QueryPairs, percentEncode } from './sign';
import type { HttpRequest } from './transport';
import { formatXDate } from './xdate';

export interface RequestInput {
  profile: Profile;
  method: HttpRequest['method'];
  /** An API path from endpoints.ts. */
  path: string;
  /** Sent in this order; signed in canonical (sorted) order. */
  query?: QueryPairs;
  /** Headers of the operation itself (x-backup-lock-id), sent after X-User-Id. */
  headers?: Readonly<Record<string, string>>;
  /** Sent as a JSON body. */
  json?: unknown;
  /** The end user (X-User-Id), resolved and validated (shared/profile.ts resolveUserId); default the profile's. */
  userId?: string;
  secret: string;
  now: Date;
  /** App mode only: headers to sign besides host, x-date and x-user-id. */
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
export function secretProblemMessage(secret: string, authMode: Profile['authMode']): Message | null {
  if (secret.length === 0) return message('remedy.secret.empty');
  if (CONTROL.test(secret)) return message('remedy.secret.control');
  if (authMode === 'bearer' && NON_ASCII.test(secret)) return message('remedy.secret.nonAscii');
  return null;
}

/** secretProblemMessage in English. */
export function secretProblem(secret: string, authMode: Profile['authMode']): string | null {
  const problem = secretProblemMessage(secret, authMode);
  return problem && english(problem);
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

/** name=value pairs percent-encoded the way the canonical query string encodes them (space as %20, never +). */
export function queryString(pairs: QueryPairs): string {
  return pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
}

function urlFor(baseUrl: string, path: string, query: QueryPairs): URL {
  const endpoint = endpointUrl(baseUrl, path);
  if (!endpoint.ok) throw new RequestBuildError(endpoint.problem);
  if (query.length === 0) return endpoint.url;
  const url = new URL(endpoint.url.href);
  url.search = queryString(query);
  return url;
}

export function prepareRequest(input: RequestInput): PreparedRequest {
  const { profile, method } = input;
  const query = input.query ?? [];
  const url = urlFor(profile.baseUrl, input.path, query);
  const problem = secretProblem(input.secret, profile.authMode);
  if (problem) throw new RequestBuildError(problem);

  const headers: Record<string, string> = {
    Host: url.host,
    'X-Date': formatXDate(input.now),
    'X-User-Id': requiredUserId(input.userId, profile),
    ...input.headers,
  };
  let body: Uint8Array | undefined;
  if (input.json !== undefined) {
    body = Buffer.from(JSON.stringify(input.json), 'utf8');
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(body.byteLength);
  }
  if (profile.authMode === 'app' && !profile.appId) throw new RequestBuildError(MISSING_APP_ID);
  const authorization = authorizationFor({
    profile,
    method,
    path: url.pathname,
    query,
    headers,
    body,
    secret: input.secret,
    extraSignedHeaders: input.extraSignedHeaders,
  });
  headers.Authorization = authorization.header;
  const prepared: PreparedRequest = { method, url, headers, body };
  if (authorization.canonicalRequest !== undefined) {
    prepared.canonicalRequest = authorization.canonicalRequest;
    prepared.stringToSign = authorization.stringToSign;
  }
  return prepared;
}
