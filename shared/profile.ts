import { checkBaseUrl, moduleCodeProblem, userIdProblem } from './identifiers';
import { type Infer, type Schema, SchemaError, object, oneOf, optional, string } from './schema';

export const AUTH_MODES = ['bearer', 'app'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** A connection profile. It never contains the secret: that lives in the OS keychain only. */
export interface Profile {
  /** Stable identifier; also the keychain account name. */
  id: string;
  name: string;
  baseUrl: string;
  userId: string;
  authMode: AuthMode;
  /** Required for app (HMAC) auth. */
  appId?: string;
  moduleCode: string;
  /** Authorization prefix for bearer mode; spec §10 Q1 leaves it open. Default "Bearer". */
  bearerPrefix?: string;
  /** HTTP proxy (http://host:port) to tunnel HTTPS through; none when absent. */
  proxyUrl?: string;
  /** Extra CA certificates (PEM) trusted for this profile on top of the system's. */
  caPem?: string;
}

function refined(base: Schema<string>, problem: (value: string) => string | null): Schema<string> {
  return {
    parse(value, path = '') {
      const text = base.parse(value, path);
      const message = problem(text);
      if (message) throw new SchemaError(path, message);
      return text;
    },
  };
}

export const PROFILE_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export const profileIdSchema = string({
  min: 1,
  max: 64,
  pattern: PROFILE_ID_PATTERN,
  patternHint: 'is lower-case letters, digits, dot, dash or underscore (up to 64)',
});

export const profileInputSchema = object({
  id: optional(profileIdSchema),
  name: string({ min: 1, max: 64, trim: true }),
  baseUrl: refined(string({ min: 1, max: 2048, trim: true }), (v) => {
    const check = checkBaseUrl(v);
    return check.ok ? null : check.problem;
  }),
  userId: refined(string({ min: 1, max: 64, trim: true }), userIdProblem),
  authMode: oneOf(AUTH_MODES),
  appId: optional(
    string({
      min: 1,
      max: 128,
      trim: true,
      pattern: /^[\x21-\x7e]+$/,
      patternHint: 'is printable ASCII without spaces',
    }),
  ),
  moduleCode: refined(string({ min: 1, max: 8, trim: true }), moduleCodeProblem),
  proxyUrl: optional(refined(string({ min: 1, max: 2048, trim: true }), (v) => proxyUrlProblem(v))),
  caPem: optional(
    refined(string({ min: 1, max: 262_144, allowControl: true, trim: true }), (v) =>
      /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(v)
        ? null
        : 'The CA certificate must be PEM text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
    ),
  ),
  bearerPrefix: optional(
    string({ min: 1, max: 32, pattern: /^[A-Za-z][A-Za-z0-9_-]*$/, patternHint: 'is one word, such as Bearer' }),
  ),
});

export type ProfileInput = Infer<typeof profileInputSchema>;

export function proxyUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The proxy is a URL such as http://proxy.example.com:3128.';
  }
  if (url.protocol !== 'http:')
    return 'Only HTTP proxies (http://host:port) are supported; HTTPS is tunnelled through them.';
  if (url.username || url.password)
    return 'Remove the user name and password from the proxy URL: they would be stored in plain text.';
  if (url.pathname !== '/' || url.search || url.hash) return 'The proxy URL is only http://host:port, without a path.';
  return null;
}

/** Checks the cross-field rules the schema cannot: app auth needs an app ID. */
export function profileProblem(input: ProfileInput): string | null {
  if (input.authMode === 'app' && !input.appId)
    return 'App authentication needs the App ID (AppId) from the KooDrive console.';
  return null;
}

/** A slug made from the name, used as the id of a new profile. */
export function slugForName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug.length > 0 ? slug : 'profile';
}
