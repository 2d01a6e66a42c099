import { checkBaseUrl, isLoopbackHost, moduleCodeProblem, userIdProblem, userIdProblemMessage } from './identifiers';
import { message } from './messages/message';
import type { Message } from './messages/template';
import { validationText } from './messages/validationText';
import { type Infer, type Schema, SchemaError, object, oneOf, optional, string } from './schema';

export const AUTH_MODES = ['bearer', 'app'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** Which environment a profile's actions go to; named on every screen and in every confirmation. */
export const ENVIRONMENTS = ['production', 'staging', 'sandbox', 'other'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * A tenant connection. It never contains the secret: that lives in the OS keychain only. In app auth the
 * end user (X-User-Id) is chosen per operation and `userId` is only the default; a bearer token belongs
 * to one user, so a bearer profile always has its fixed `userId`.
 */
export interface Profile {
  /** Stable identifier; also the keychain account name. */
  id: string;
  name: string;
  baseUrl: string;
  /** Bearer: the token's user (required). App: the default user for new operations (optional). */
  userId?: string;
  authMode: AuthMode;
  environment: Environment;
  /** Required for app (HMAC) auth. */
  appId?: string;
  moduleCode: string;
  /** Authorization prefix for bearer mode; left open (docs/koodrive-protocol.md#open-questions, 1). Default "Bearer". */
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
  userId: optional(refined(string({ min: 1, max: 64, trim: true }), userIdProblem)),
  authMode: oneOf(AUTH_MODES),
  environment: optional(oneOf(ENVIRONMENTS)),
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

/**
 * What is wrong with a proxy URL, or null. A saved profile never keeps proxy credentials (profiles.json is
 * plain text); a proxy given for one run only (the CLI's --proxy without a saved profile) may carry them.
 */
export function proxyUrlProblem(raw: string, allowCredentials = false): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The proxy is a URL such as http://proxy.example.com:3128.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'The proxy is http://host:port (or https://host:port for a proxy reached over TLS); HTTPS to KooDrive is tunnelled through it.';
  if ((url.username || url.password) && !allowCredentials)
    return 'Remove the user name and password from the proxy URL: a saved profile does not keep them (they would be stored in plain text); give them when the app or command runs, in HTTPS_PROXY=http://user:password@host:port.';
  if (url.pathname !== '/' || url.search || url.hash)
    return 'The proxy URL is only http://host:port (or https://host:port), without a path.';
  return null;
}

/** Checks the cross-field rules the schema cannot: app auth needs an app ID, a bearer token its user. */
export function profileProblem(input: ProfileInput): string | null {
  if (input.authMode === 'app' && !input.appId)
    return 'App authentication needs the App ID (AppId) from the KooDrive console.';
  if (input.authMode === 'bearer' && !input.userId)
    return 'A bearer token belongs to one user: enter that user ID (the token can act for no other user).';
  return null;
}

/** The profile as stored: the input with its id and an environment (chosen, or derived from the host). */
export function profileFromInput(input: ProfileInput, id: string): Profile {
  const { environment, ...rest } = input;
  return { ...rest, id, environment: environment ?? defaultEnvironment(input.baseUrl) };
}

/**
 * The environment a profile gets when none was chosen: the practice server is Sandbox, the known
 * KooDrive hosts are Production (the safe assumption for anything real), anything else Other.
 */
export function defaultEnvironment(baseUrl: string): Environment {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return 'other';
  }
  if (isLoopbackHost(url.hostname)) return 'sandbox';
  if (/(^|\.)myhuaweicloud-koodrive\.com$/i.test(url.hostname)) return 'production';
  return 'other';
}

/**
 * The user an operation acts for: the one asked for, else the profile's default. A bearer token acts only
 * for its own user, so asking for another one is refused with the reason.
 */
export function resolveUserId(
  profile: Pick<Profile, 'authMode' | 'userId' | 'name'>,
  requested: string | undefined | null,
): { ok: true; userId: string } | { ok: false; problem: string; problemMessage: Message } {
  const refused = (problemMessage: Message) =>
    ({ ok: false, problem: validationText(problemMessage), problemMessage }) as const;
  const asked = requested?.trim() ?? '';
  if (profile.authMode === 'bearer') {
    const own = profile.userId ?? '';
    if (asked !== '' && asked !== own) {
      return refused(
        message('validation.userId.bearerOtherUser', {
          profile: profile.name,
          own: own || message('validation.userId.noneSet'),
          asked: asked.slice(0, 40),
        }),
      );
    }
    const problem = userIdProblemMessage(own);
    return problem ? refused(problem) : { ok: true, userId: own };
  }
  const userId = asked !== '' ? asked : (profile.userId ?? '');
  if (userId === '') return refused(message('validation.userId.none'));
  const problem = userIdProblemMessage(userId);
  return problem ? refused(problem) : { ok: true, userId };
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
