/**
 * Rules for the values a user types: lock IDs, user IDs, module codes, base URLs. Every check
 * returns a problem sentence that says what is wrong and what to do, or null when the value is fine.
 * Large numeric IDs stay strings: a 19-digit user ID does not fit a JS number.
 */
import { unexpectedCharacter } from './lookAlike';

export const LOCK_ID_MAX = 256;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const USUAL_LOCK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@\d{1,8}$/i;

export type LockIdCheck = { ok: true; lockId: string; hint: string | null } | { ok: false; problem: string };

/** Validates a lock ID as typed or pasted; surrounding whitespace is removed first. */
export function checkLockId(raw: string): LockIdCheck {
  const lockId = raw.trim();
  if (lockId.length === 0)
    return { ok: false, problem: 'Enter a lock ID (for example 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102).' };
  if (lockId.length > LOCK_ID_MAX) {
    return {
      ok: false,
      problem: `A lock ID is at most ${LOCK_ID_MAX} characters; this one has ${lockId.length}. Check that you pasted one ID only.`,
    };
  }
  if (!PRINTABLE_ASCII.test(lockId)) {
    const which = unexpectedCharacter(lockId, /^[\x21-\x7e]$/);
    const sentences = [
      'A lock ID contains only printable ASCII characters, without spaces, line breaks, tabs or NUL.',
      which,
      'Paste one ID per line.',
    ];
    return { ok: false, problem: sentences.filter((sentence) => sentence !== null).join(' ') };
  }
  const hint = USUAL_LOCK_ID.test(lockId)
    ? null
    : 'This ID does not have the usual <uuid>@<moduleCode> shape. KooDrive treats lock IDs as opaque, so it will be sent as typed; double-check it.';
  return { ok: true, lockId, hint };
}

export function userIdProblem(userId: string): string | null {
  if (userId.length === 0) return 'Enter the KooDrive user ID (a long number such as 1505084218764547200).';
  if (!/^\d{1,32}$/.test(userId)) {
    const which = unexpectedCharacter(userId, /^[0-9]$/);
    return `The user ID is digits only (up to 32), for example 1505084218764547200.${which ? ` ${which}` : ''}`;
  }
  return null;
}

export function moduleCodeProblem(code: string): string | null {
  if (!/^\d{1,8}$/.test(code)) return 'The module code is digits only: 100 folders, 101 album, 102 contacts.';
  return null;
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

export type BaseUrlCheck = { ok: true; url: URL } | { ok: false; problem: string };

/** https is required; plain http only for loopback hosts (the local sandbox). A path prefix is kept. */
export function checkBaseUrl(raw: string): BaseUrlCheck {
  const text = raw.trim();
  if (text.length === 0)
    return { ok: false, problem: 'Enter the base URL, for example https://intl.myhuaweicloud-koodrive.com.' };
  if (text.length > 2048) return { ok: false, problem: 'The base URL is longer than 2048 characters.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      problem: 'The base URL is not a valid URL. It starts with https:// followed by the host name.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: 'The base URL must start with https://.' };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      problem:
        'Plain http:// is only allowed for this computer (localhost, 127.0.0.1, ::1), for the local sandbox. Use https:// for a KooDrive server.',
    };
  }
  if (url.username || url.password)
    return {
      ok: false,
      problem: 'Remove the user name and password from the base URL; the secret belongs in the keychain.',
    };
  if (url.search || url.hash)
    return { ok: false, problem: 'Remove the query (?...) and fragment (#...) from the base URL.' };
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
