/**
 * KooDrive's BackupRecord and BackupFile objects as the inspector's views (docs/koodrive-protocol.md#identifiers-and-values).
 * IDs and sizes stay exact decimal text: 16+ digit integers arrive as strings from jsonBigSafe.ts, shorter ones
 * are exact as numbers. A list page is read from the raw body, since `nextCursor` sits beside `data`.
 */
import {
  type BackupDeviceView,
  type BackupFileView,
  type BackupRecordView,
  parseRecordTime,
  recordStatusName,
} from '../../../shared/records';
import { parseJsonBigSafe } from '../koodrive/jsonBigSafe';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';

const DIGITS = /^\d{1,40}$/;
const MAX_TEXT = 4000;

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number as exact decimal text (a string of digits or a safe integer), else null. */
function integerText(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value === 'string' && DIGITS.test(value.trim())) return value.trim();
  return null;
}

/** Text as sent (a number becomes its decimal text); absent, null or other types are null. */
function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
}

function integer(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value);
  return null;
}

/** Empty text is "not set" (endTime is "" while a backup runs). */
function timeText(value: unknown): string | null {
  const raw = text(value);
  return raw === null || raw.trim() === '' ? null : raw;
}

function deviceView(value: unknown): BackupDeviceView | null {
  if (!isFields(value)) return null;
  return {
    deviceId: text(value.deviceId),
    machineCode: text(value.machineCode),
    deviceName: text(value.deviceName),
    deviceOS: text(value.deviceOS),
    createTime: timeText(value.createTime),
  };
}

/** The view of one BackupRecord, or null when it has no usable record ID. */
export function recordView(value: unknown, fallbackModuleCode: string | null): BackupRecordView | null {
  if (!isFields(value)) return null;
  const recordId = integerText(value.recordId);
  if (recordId === null) return null;
  const status = integer(value.status);
  const createTime = timeText(value.createTime);
  const endTime = timeText(value.endTime);
  return {
    recordId,
    moduleCode: text(value.moduleCode) ?? fallbackModuleCode ?? '',
    status,
    statusName: recordStatusName(status),
    createTime,
    createdAtMs: parseRecordTime(createTime),
    endTime,
    endedAtMs: parseRecordTime(endTime),
    version: integer(value.version),
    properties: text(value.properties),
    device: deviceView(value.deviceInfo),
  };
}

/** The view of one BackupFile, or null when it has no usable file ID. */
export function fileView(value: unknown): BackupFileView | null {
  if (!isFields(value)) return null;
  const fileId = integerText(value.fileId);
  if (fileId === null) return null;
  const createTime = timeText(value.createTime);
  return {
    fileId,
    fileName: text(value.fileName) ?? '',
    sha256: text(value.sha256),
    size: integerText(value.size ?? value.length),
    mimeType: text(value.mimeType),
    description: text(value.description),
    createTime,
    createdAtMs: parseRecordTime(createTime),
  };
}

export type ListPage<T> = { ok: true; items: T[]; nextCursor: string | null } | { ok: false; problem: Message };

/** `nextCursor` beside `data` in the envelope; absent or empty marks the last page (docs/koodrive-protocol.md#paging). */
function nextCursorOf(body: Uint8Array): string | null {
  try {
    const envelope = parseJsonBigSafe(Buffer.from(body).toString('utf8').trim());
    if (!isFields(envelope)) return null;
    const cursor = envelope.nextCursor;
    return typeof cursor === 'string' && cursor !== '' ? cursor : null;
  } catch {
    return null;
  }
}

/** A success answer of a list call as views; a missing array or an item without an ID is a problem to report. */
export function listPage<T>(
  data: unknown,
  body: Uint8Array,
  what: 'record' | 'file',
  view: (item: unknown) => T | null,
): ListPage<T> {
  if (!Array.isArray(data)) {
    return { ok: false, problem: message(what === 'record' ? 'records.noList.record' : 'records.noList.file') };
  }
  const items: T[] = [];
  for (const item of data) {
    const read = view(item);
    if (read === null) {
      const key = what === 'record' ? 'records.itemWithoutId.record' : 'records.itemWithoutId.file';
      return { ok: false, problem: message(key) };
    }
    items.push(read);
  }
  return { ok: true, items, nextCursor: nextCursorOf(body) };
}
