/**
 * Every KooDrive API path this client calls, relative to the base URL (whose path prefix is kept).
 * Methods and query parameters: docs/koodrive-protocol.md#endpoints. The sandbox keeps its own copy.
 */
export const LOCK_PATH = '/koodrive/ose/v1/backup/lock';
export const RECORD_PATH = '/koodrive/ose/v1/backup/record';

/** One backup record (GET views it). */
export function recordPath(recordId: string): string {
  return `${RECORD_PATH}/${encodeURIComponent(recordId)}`;
}

/** The files of one backup record (GET lists them, with pageSize and cursor). */
export function recordFilesPath(recordId: string): string {
  return `${recordPath(recordId)}/files`;
}

/** The lock ID header of release and renew: docs/koodrive-protocol.md#headers. */
export const LOCK_ID_HEADER = 'x-backup-lock-id';
