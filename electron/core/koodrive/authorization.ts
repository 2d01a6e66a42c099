/**
 * The Authorization header, written once for both modes: Bearer (docs/koodrive-protocol.md#bearer-authentication)
 * or an HMAC-SHA256 signature over exactly what goes on the wire
 * (docs/koodrive-protocol.md#app-authentication-hmac-sha256).
 */
import type { Profile } from '../../../shared/profile';
import { DEFAULT_SIGNED_HEADERS, type QueryPairs, signAppRequest } from './sign';

export const DEFAULT_BEARER_PREFIX = 'Bearer';

export const MISSING_APP_ID = 'App authentication needs the App ID (AppId) from the KooDrive console.';

export interface AuthorizationInput {
  profile: Profile;
  method: string;
  /** The URL's path, base path prefix included. */
  path: string;
  query: QueryPairs;
  /** Every header but Authorization, as sent. */
  headers: Readonly<Record<string, string>>;
  body: Uint8Array | undefined;
  secret: string;
  /** App mode only: headers to sign besides host, x-date and x-user-id (docs/koodrive-protocol.md#open-questions). */
  extraSignedHeaders?: readonly string[];
}

export interface Authorization {
  header: string;
  /** App mode only, for diagnosing rejected signatures; contains no secret. */
  canonicalRequest?: string;
  stringToSign?: string;
}

/** Throws an Error with MISSING_APP_ID when an app profile has no App ID. */
export function authorizationFor(input: AuthorizationInput): Authorization {
  const { profile } = input;
  if (profile.authMode === 'bearer')
    return { header: `${profile.bearerPrefix ?? DEFAULT_BEARER_PREFIX} ${input.secret}` };
  if (!profile.appId) throw new Error(MISSING_APP_ID);
  const signed = signAppRequest({
    method: input.method,
    path: input.path,
    query: input.query,
    headers: input.headers,
    signedHeaders: input.extraSignedHeaders?.length
      ? [...DEFAULT_SIGNED_HEADERS, ...input.extraSignedHeaders]
      : DEFAULT_SIGNED_HEADERS,
    body: input.body ?? '',
    appId: profile.appId,
    appSecret: input.secret,
  });
  return { header: signed.authorization, canonicalRequest: signed.canonicalRequest, stringToSign: signed.stringToSign };
}
