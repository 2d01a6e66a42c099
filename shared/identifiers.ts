/**
 * Rules for the values a user types: lock IDs, user IDs, module codes, base URLs. Every check
 * returns a problem sentence that says what is wrong and what to do, or null when the value is fine:
 * as a message (`…Message`, for the reader's language: docs/renderer.md#messages-from-main-keys-and-parameters)
 * and in English.
 * Large numeric IDs stay strings: a 19-digit user ID does not fit a JS number.
 */
import { unexpectedCharacterMessage } from './lookAlike';
import { message } from './messages/message';
import type { Message } from './messages/template';
import { validationText } from './messages/validationText';

export const LOCK_ID_MAX = 256;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const USUAL_LOCK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@\d{1,8}$/i;

export type LockIdCheck =
  | { ok: true; lockId: string; hint: string | null; hintMessage: Message | null }
  | { ok: false; problem: string; problemMessage: Message };

function refusal(problemMessage: Message): { ok: false; problem: string; problemMessage: Message } {
  return { ok: false, problem: validationText(problemMessage), problemMessage };
}

/** Validates a lock ID as typed or pasted; surrounding whitespace is removed first. */
export function checkLockId(raw: string): LockIdCheck {
  const lockId = raw.trim();
  if (lockId.length === 0) return refusal(message('validation.lockId.empty'));
  if (lockId.length > LOCK_ID_MAX) {
    return refusal(message('validation.lockId.tooLong', { max: LOCK_ID_MAX, length: lockId.length }));
  }
  if (!PRINTABLE_ASCII.test(lockId)) {
    const which = unexpectedCharacterMessage(lockId, /^[\x21-\x7e]$/) ?? message('validation.none');
    return refusal(message('validation.lockId.notPrintable', { which }));
  }
  const hintMessage = USUAL_LOCK_ID.test(lockId) ? null : message('validation.lockId.unusualShape');
  return { ok: true, lockId, hint: hintMessage && validationText(hintMessage), hintMessage };
}

export function userIdProblemMessage(userId: string): Message | null {
  if (userId.length === 0) return message('validation.userId.empty');
  if (!/^\d{1,32}$/.test(userId)) {
    const which = unexpectedCharacterMessage(userId, /^[0-9]$/) ?? message('validation.none');
    return message('validation.userId.notDigits', { which });
  }
  return null;
}

export function userIdProblem(userId: string): string | null {
  const problem = userIdProblemMessage(userId);
  return problem && validationText(problem);
}

export function moduleCodeProblemMessage(code: string): Message | null {
  return /^\d{1,8}$/.test(code) ? null : message('validation.moduleCode.notDigits');
}

export function moduleCodeProblem(code: string): string | null {
  const problem = moduleCodeProblemMessage(code);
  return problem && validationText(problem);
}

export const MODULE_CODES: ReadonlyArray<{ code: string; label: string }> = [
  { code: '100', label: 'Folder backup' },
  { code: '101', label: 'Album (photo) backup' },
  { code: '102', label: 'Address book (contacts) backup' },
];

export const KNOWN_HOSTS: ReadonlyArray<{ url: string; label: string }> = [
  { url: 'https://intl.myhuaweicloud-koodrive.com', label: 'International (AP-Singapore)' },
  { url: 'https://cn.myhuaweicloud-koodrive.com', label: 'Chinese mainland (CN North-Beijing4)' },
];

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export type BaseUrlCheck = { ok: true; url: URL } | { ok: false; problem: string; problemMessage: Message };

/** https is required; plain http only for loopback hosts (the local sandbox). A path prefix is kept. */
export function checkBaseUrl(raw: string): BaseUrlCheck {
  const text = raw.trim();
  if (text.length === 0) return refusal(message('validation.baseUrl.empty'));
  if (text.length > 2048) return refusal(message('validation.baseUrl.tooLong'));
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refusal(message('validation.baseUrl.invalid'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refusal(message('validation.baseUrl.scheme'));
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return refusal(message('validation.baseUrl.plainHttp'));
  if (url.username || url.password) return refusal(message('validation.baseUrl.credentials'));
  if (url.search || url.hash) return refusal(message('validation.baseUrl.queryOrFragment'));
  return { ok: true, url };
}

/** Joins the base URL's path prefix with an API path: https://h/prefix + /koodrive/... */
export function apiUrl(base: URL, apiPath: string): URL {
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = new URL(base.href);
  url.pathname = `${prefix}${apiPath}`;
  return url;
}

/** The module code after the last @ of a lock ID (`…@102` → '102'), or null when there is none. */
export function moduleCodeOfLockId(lockId: string): string | null {
  const match = /@(\d{1,8})$/.exec(lockId.trim());
  return match ? match[1] : null;
}

/** The module's name in words (`102` → 'Address book (contacts) backup'), or null for an unknown code. */
export function moduleLabel(code: string | null): string | null {
  if (code === null) return null;
  return MODULE_CODES.find((module) => module.code === code)?.label ?? null;
}
