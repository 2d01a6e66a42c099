/**
 * The profile editor's form state and its validation. Validation runs the very schema main uses
 * (profileInputSchema + profileProblem), once per failing field: a field that fails is swapped for a
 * known-good value and the rest is parsed again, so every field gets its own message at once.
 */
import { MODULE_CODES, checkBaseUrl, userIdProblemMessage } from '../../../../shared/identifiers';
import { validationText } from '../../../../shared/messages/validationText';
import type { AuthMode, Environment, Profile, ProfileInput } from '../../../../shared/profile';
import type { Message } from '../../../../shared/messages/template';
import { defaultEnvironment, profileInputSchema, profileProblemMessage } from '../../../../shared/profile';
import { safeParse } from '../../../../shared/schema';
import { messageText, t } from '../../i18n';

export interface ProfileDraft {
  id?: string;
  name: string;
  baseUrl: string;
  /** Optional in app mode (the default user), required in bearer mode (the token's user). */
  userId: string;
  authMode: AuthMode;
  /** '' until chosen: then it follows the host (defaultEnvironment). */
  environment: Environment | '';
  appId: string;
  moduleCode: string;
  bearerPrefix: string;
  /** Not edited here yet; kept so that saving the profile does not drop them. */
  proxyUrl: string;
  caPem: string;
}

export type DraftField = Exclude<keyof ProfileDraft, 'id' | 'proxyUrl' | 'caPem' | 'environment'>;
/** A field's problem: main's English text and, when main's check has one, its message for the window's language. */
export interface FieldProblem {
  english: string;
  message?: Message;
}
type FieldProblems = Partial<Record<DraftField | 'form', FieldProblem>>;

const KNOWN_GOOD: Readonly<Record<keyof ProfileDraft, string | undefined>> = {
  id: undefined,
  name: 'x',
  baseUrl: 'https://127.0.0.1',
  userId: '1',
  authMode: 'bearer',
  environment: undefined,
  appId: undefined,
  moduleCode: '100',
  bearerPrefix: undefined,
  proxyUrl: undefined,
  caPem: undefined,
};

/** For an empty field the schema only says "is required"; these fields have a sentence with an example. */
const EMPTY_FIELD_SENTENCES: Partial<Record<DraftField, () => FieldProblem | null>> = {
  baseUrl: () => {
    const check = checkBaseUrl('');
    return check.ok ? null : { english: check.problem, message: check.problemMessage };
  },
  userId: () => {
    const message = userIdProblemMessage('');
    return message && { english: validationText(message), message };
  },
};

export function emptyDraft(): ProfileDraft {
  return {
    name: '',
    baseUrl: '',
    userId: '',
    authMode: 'bearer',
    environment: '',
    appId: '',
    moduleCode: MODULE_CODES[0].code,
    bearerPrefix: '',
    proxyUrl: '',
    caPem: '',
  };
}

export function draftFromProfile(profile: Profile): ProfileDraft {
  return {
    id: profile.id,
    name: profile.name,
    baseUrl: profile.baseUrl,
    userId: profile.userId ?? '',
    authMode: profile.authMode,
    environment: profile.environment ?? '',
    appId: profile.appId ?? '',
    moduleCode: profile.moduleCode,
    bearerPrefix: profile.bearerPrefix ?? '',
    proxyUrl: profile.proxyUrl ?? '',
    caPem: profile.caPem ?? '',
  };
}

/** The environment the draft stands for: the one chosen, else the one of its host. */
export function draftEnvironment(draft: ProfileDraft): Environment {
  return draft.environment === '' ? defaultEnvironment(draft.baseUrl.trim()) : draft.environment;
}

/** The object sent to saveProfile: the app ID only in app mode, the prefix only in bearer mode, no empty optionals. */
export function draftToInput(draft: ProfileDraft): Record<string, string> {
  const input: Record<string, string> = {
    name: draft.name,
    baseUrl: draft.baseUrl,
    authMode: draft.authMode,
    environment: draftEnvironment(draft),
    moduleCode: draft.moduleCode,
  };
  if (draft.userId.trim() !== '') input.userId = draft.userId;
  if (draft.id) input.id = draft.id;
  if (draft.authMode === 'app' && draft.appId.trim() !== '') input.appId = draft.appId;
  if (draft.authMode === 'bearer' && draft.bearerPrefix.trim() !== '') input.bearerPrefix = draft.bearerPrefix.trim();
  if (draft.proxyUrl !== '') input.proxyUrl = draft.proxyUrl;
  if (draft.caPem !== '') input.caPem = draft.caPem;
  return input;
}

function isDraftKey(key: string): key is keyof ProfileDraft {
  return Object.hasOwn(KNOWN_GOOD, key);
}

function isDraftField(key: keyof ProfileDraft): key is DraftField {
  return key !== 'id' && key !== 'proxyUrl' && key !== 'caPem' && key !== 'environment';
}

function withValue(input: Record<string, string>, key: keyof ProfileDraft): Record<string, string> {
  const others = Object.entries(input).filter(([name]) => name !== key);
  const good = KNOWN_GOOD[key];
  return Object.fromEntries(good === undefined ? others : [...others, [key, good]]);
}

interface DraftCheck {
  input: ProfileInput | null;
  problems: FieldProblems;
}

export function checkDraft(draft: ProfileDraft): DraftCheck {
  const problems: FieldProblems = {};
  let candidate = draftToInput(draft);
  const maxPasses = Object.keys(KNOWN_GOOD).length + 1;
  for (let pass = 0; pass < maxPasses; pass++) {
    const parsed = safeParse(profileInputSchema, candidate);
    if (parsed.ok) {
      const cross = profileProblemMessage(parsed.value);
      const crossField = parsed.value.authMode === 'bearer' && !parsed.value.userId ? 'userId' : 'appId';
      if (cross && !problems[crossField]) problems[crossField] = { english: validationText(cross), message: cross };
      return { input: Object.keys(problems).length === 0 ? parsed.value : null, problems };
    }
    const key = parsed.error.path.split('.')[0];
    if (!isDraftKey(key) || !isDraftField(key)) {
      problems.form = { english: parsed.error.message };
      break;
    }
    const sentence = draft[key].trim() === '' ? EMPTY_FIELD_SENTENCES[key]?.() : null;
    problems[key] = sentence ?? { english: parsed.error.problem, message: parsed.error.problemMessage };
    candidate = withValue(candidate, key);
  }
  return { input: null, problems };
}

/**
 * The problem in the window's language. Schema messages are either whole sentences or fragments such as
 * "is required" (told apart by their English text); fragments get the field's label.
 */
export function fieldMessage(label: string, problem: FieldProblem): string {
  const text = messageText(problem.message, problem.english);
  return /^[a-z]/.test(problem.english) ? t('form.fieldProblem', { label, problem: text }) : text;
}
