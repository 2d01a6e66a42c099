/**
 * A signed request to any KooDrive path, composed from sign.ts the same way requestBuilder signs the
 * lock calls: Host, X-Date and X-User-Id in both modes; Bearer token, or HMAC-SHA256 over the method,
 * path, canonical query (spec §6 step 1.3, vector C), signed headers and body hash.
 */
import { apiUrl, checkBaseUrl } from '../../../shared/identifiers';
import type { Profile } from '../../../shared/profile';
import {
  DEFAULT_BEARER_PREFIX,
  type PreparedRequest,
  RequestBuildError,
  requiredUserId,
  secretProblem,
} from '../koodrive/requestBuilder';
import { DEFAULT_SIGNED_HEADERS, type QueryPairs, percentEncode, signAppRequest } from '../koodrive/sign';
import type { HttpRequest } from '../koodrive/transport';
import { formatXDate } from '../koodrive/xdate';

export const RECORD_PATH = '/koodrive/ose/v1/backup/record';

export interface SignedRequestInput {
  profile: Profile;
  /** The end user (X-User-Id), resolved; default the profile's. */
  userId?: string;
  method: HttpRequest['method'];
  path: string;
  /** Sent in this order; signed in canonical (sorted) order. */
  query: QueryPairs;
  secret: string;
  now: Date;
}

/** name=value pairs percent-encoded the way the canonical query string encodes them (space as %20, never +). */
export function queryString(pairs: QueryPairs): string {
  return pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
}

export function prepareSignedRequest(input: SignedRequestInput): PreparedRequest {
  const { profile } = input;
  const base = checkBaseUrl(profile.baseUrl);
  if (!base.ok) throw new RequestBuildError(base.problem);
  const problem = secretProblem(input.secret, profile.authMode);
  if (problem) throw new RequestBuildError(problem);
  const url = apiUrl(base.url, input.path);
  url.search = queryString(input.query);
  const headers: Record<string, string> = {
    Host: url.host,
    'X-Date': formatXDate(input.now),
    'X-User-Id': requiredUserId(input.userId, profile),
  };
  if (profile.authMode === 'bearer') {
    headers.Authorization = `${profile.bearerPrefix ?? DEFAULT_BEARER_PREFIX} ${input.secret}`;
    return { method: input.method, url, headers };
  }
  if (!profile.appId)
    throw new RequestBuildError('App authentication needs the App ID (AppId) from the KooDrive console.');
  const signed = signAppRequest({
    method: input.method,
    path: url.pathname,
    query: input.query,
    headers,
    signedHeaders: DEFAULT_SIGNED_HEADERS,
    body: '',
    appId: profile.appId,
    appSecret: input.secret,
  });
  headers.Authorization = signed.authorization;
  return {
    method: input.method,
    url,
    headers,
    canonicalRequest: signed.canonicalRequest,
    stringToSign: signed.stringToSign,
  };
}

/** The read-only call of the connection check: list one backup record of the profile's module. */
export function prepareRecordListRequest(input: {
  profile: Profile;
  userId?: string;
  secret: string;
  now: Date;
  moduleCode?: string;
}): PreparedRequest {
  return prepareSignedRequest({
    profile: input.profile,
    userId: input.userId,
    method: 'GET',
    path: RECORD_PATH,
    query: [
      ['moduleCode', input.moduleCode ?? input.profile.moduleCode],
      ['pageSize', '1'],
    ],
    secret: input.secret,
    now: input.now,
  });
}
