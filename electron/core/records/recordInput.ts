/** The checks of a record read made before the network, in the order a user would fix them. */
import { moduleCodeProblem } from '../../../shared/identifiers';
import { type Profile, resolveUserId } from '../../../shared/profile';
import { RECORD_CURSOR_MAX, RECORD_LIST_MAX_LIMIT } from '../../../shared/records';
import { MISSING_APP_ID } from '../koodrive/authorization';
import { lockUrlProblem } from '../koodrive/endpointUrl';

const RECORD_ID = /^\d{1,32}$/;
const DEVICE_ID_MAX = 128;
/** Half of a UTF-16 surrogate pair on its own: no UTF-8 form, so it cannot go into a query. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type ReaderCheck = { ok: true; userId: string } | { ok: false; problem: string; userId: string | null };

/** The profile and the user: a usable base URL, a user this profile may act for, an App ID in app mode. */
export function checkReader(profile: Profile, requestedUser: string | undefined): ReaderCheck {
  const urlProblem = lockUrlProblem(profile.baseUrl);
  if (urlProblem) return { ok: false, problem: urlProblem, userId: null };
  const user = resolveUserId(profile, requestedUser);
  if (!user.ok) return { ok: false, problem: user.problem, userId: null };
  if (profile.authMode === 'app' && !profile.appId) return { ok: false, problem: MISSING_APP_ID, userId: user.userId };
  return { ok: true, userId: user.userId };
}

export function recordIdProblem(recordId: string): string | null {
  return RECORD_ID.test(recordId)
    ? null
    : 'A backup record ID is a long number such as 1842862763295184641 (digits only): copy it again from the records list.';
}

export function deviceIdProblem(deviceId: string | undefined): string | null {
  if (deviceId === undefined) return null;
  return deviceId.length >= 1 && deviceId.length <= DEVICE_ID_MAX && !LONE_SURROGATE.test(deviceId)
    ? null
    : `A device ID has 1 to ${DEVICE_ID_MAX} characters: copy it again from a record's device.`;
}

export function limitProblem(limit: number): string | null {
  return Number.isInteger(limit) && limit >= 1 && limit <= RECORD_LIST_MAX_LIMIT
    ? null
    : `The limit is a whole number of records from 1 to ${RECORD_LIST_MAX_LIMIT.toLocaleString('en-US')}.`;
}

export function cursorProblem(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  return cursor.length <= RECORD_CURSOR_MAX && !LONE_SURROGATE.test(cursor)
    ? null
    : `A cursor is the nextCursor of the previous page, at most ${RECORD_CURSOR_MAX} characters: pass it back unchanged.`;
}

/** The module code to list: the one asked for, else the profile's. */
export function moduleCodeFor(
  requested: string | undefined,
  profile: Profile,
): { moduleCode: string; problem: string | null } {
  const moduleCode = (requested ?? profile.moduleCode).trim();
  return { moduleCode, problem: moduleCodeProblem(moduleCode) };
}
