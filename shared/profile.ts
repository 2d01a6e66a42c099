import { checkBaseUrl, isLoopbackHost, moduleCodeProblemMessage, userIdProblemMessage } from './identifiers';
import { message } from './messages/message';
import type { Message } from './messages/template';
import { validationText } from './messages/validationText';
import { type Infer, type Schema, object, oneOf, optional, refusal, string } from './schema';

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

function refined(base: Schema<string>, problem: (value: string) => Message | null): Schema<string> {
  return {
    parse(value, path = '') {
      const text = base.parse(value, path);
      const found = problem(text);
      if (found) throw refusal(path, found);
      return text;
    },
  };
}

export const PROFILE_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export const profileIdSchema = string({
  min: 1,
  max: 64,
  pattern: PROFILE_ID_PATTERN,
  patternHintMessage: message('validation.profileId.format'),
});

export const profileInputSchema = object({
  id: optional(profileIdSchema),
  name: string({ min: 1, max: 64, trim: true }),
  baseUrl: refined(string({ min: 1, max: 2048, trim: true }), (v) => {
    const check = checkBaseUrl(v);
    return check.ok ? null : check.problemMessage;
  }),
  userId: optional(refined(string({ min: 1, max: 64, trim: true }), userIdProblemMessage)),
  authMode: oneOf(AUTH_MODES),
  environment: optional(oneOf(ENVIRONMENTS)),
  appId: optional(
    string({
      min: 1,
      max: 128,
      trim: true,
      pattern: /^[\x21-\x7e]+$/,
      patternHintMessage: message('validation.appId.format'),
    }),
  ),
  moduleCode: refined(string({ min: 1, max: 8, trim: true }), moduleCodeProblemMessage),
  proxyUrl: optional(refined(string({ min: 1, max: 2048, trim: true }), (v) => proxyUrlProblemMessage(v))),
  caPem: optional(
    refined(string({ min: 1, max: 262_144, allowControl: true, trim: true }), (v) =>
      /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(v)
        ? null
        : message('validation.caPem.notPem'),
    ),
  ),
  bearerPrefix: optional(
    string({
      min: 1,
      max: 32,
      pattern: /^[A-Za-z][A-Za-z0-9_-]*$/,
      patternHintMessage: message('validation.bearerPrefix.format'),
    }),
  ),
});

export type ProfileInput = Infer<typeof profileInputSchema>;

/**
 * What is wrong with a proxy URL, or null. A saved profile never keeps proxy credentials (profiles.json is
 * plain text); a proxy given for one run only (the CLI's --proxy without a saved profile) may carry them.
 */
export function proxyUrlProblemMessage(raw: string, allowCredentials = false): Message | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return message('validation.proxyUrl.invalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return message('validation.proxyUrl.scheme');
  if ((url.username || url.password) && !allowCredentials) return message('validation.proxyUrl.credentials');
  if (url.pathname !== '/' || url.search || url.hash) return message('validation.proxyUrl.path');
  return null;
}

export function proxyUrlProblem(raw: string, allowCredentials = false): string | null {
  const problem = proxyUrlProblemMessage(raw, allowCredentials);
  return problem && validationText(problem);
}

/** Checks the cross-field rules the schema cannot: app auth needs an app ID, a bearer token its user. */
export function profileProblemMessage(input: ProfileInput): Message | null {
  if (input.authMode === 'app' && !input.appId) return message('validation.appId.missing');
  if (input.authMode === 'bearer' && !input.userId) return message('validation.userId.bearerNeedsUser');
  return null;
}

export function profileProblem(input: ProfileInput): string | null {
  const problem = profileProblemMessage(input);
  return problem && validationText(problem);
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
