/** The checks of a record read made before the network, in the order a user would fix them. */
import { moduleCodeProblemMessage } from '../../../shared/identifiers';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import { type Profile, resolveUserId } from '../../../shared/profile';
import { RECORD_CURSOR_MAX, RECORD_LIST_MAX_LIMIT } from '../../../shared/records';
import { lockUrlProblemMessage } from '../koodrive/endpointUrl';

const RECORD_ID = /^\d{1,32}$/;
const DEVICE_ID_MAX = 128;
/** Half of a UTF-16 surrogate pair on its own: no UTF-8 form, so it cannot go into a query. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type ReaderCheck = { ok: true; userId: string } | { ok: false; problem: Message; userId: string | null };

/** The profile and the user: a usable base URL, a user this profile may act for, an App ID in app mode. */
export function checkReader(profile: Profile, requestedUser: string | undefined): ReaderCheck {
  const urlProblem = lockUrlProblemMessage(profile.baseUrl);
  if (urlProblem) return { ok: false, problem: urlProblem, userId: null };
  const user = resolveUserId(profile, requestedUser);
  if (!user.ok) return { ok: false, problem: user.problemMessage, userId: null };
  if (profile.authMode === 'app' && !profile.appId)
    return { ok: false, problem: message('validation.appId.missing'), userId: user.userId };
  return { ok: true, userId: user.userId };
}

export function recordIdProblem(recordId: string): Message | null {
  return RECORD_ID.test(recordId) ? null : message('records.idInvalid');
}

export function deviceIdProblem(deviceId: string | undefined): Message | null {
  if (deviceId === undefined) return null;
  return deviceId.length >= 1 && deviceId.length <= DEVICE_ID_MAX && !LONE_SURROGATE.test(deviceId)
    ? null
    : message('records.deviceIdInvalid', { max: DEVICE_ID_MAX });
}

export function limitProblem(limit: number): Message | null {
  return Number.isInteger(limit) && limit >= 1 && limit <= RECORD_LIST_MAX_LIMIT
    ? null
    : message('records.limitInvalid', { max: RECORD_LIST_MAX_LIMIT.toLocaleString('en-US') });
}

export function cursorProblem(cursor: string | undefined): Message | null {
  if (cursor === undefined) return null;
  return cursor.length <= RECORD_CURSOR_MAX && !LONE_SURROGATE.test(cursor)
    ? null
    : message('records.cursorInvalid', { max: RECORD_CURSOR_MAX });
}

/** The module code to list: the one asked for, else the profile's. */
export function moduleCodeFor(
  requested: string | undefined,
  profile: Profile,
): { moduleCode: string; problem: Message | null } {
  const moduleCode = (requested ?? profile.moduleCode).trim();
  return { moduleCode, problem: moduleCodeProblemMessage(moduleCode) };
}
