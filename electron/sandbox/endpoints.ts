/** The KooDrive paths and headers the sandbox serves: docs/koodrive-protocol.md#endpoints and #headers. */
const BACKUP_PATH = '/koodrive/ose/v1/backup';
export const LOCK_PATH = `${BACKUP_PATH}/lock`;
export const RECORD_PATH = `${BACKUP_PATH}/record`;
/** `${RECORD_PATH}/{recordId}` and `${RECORD_PATH}/{recordId}/files`. */
export const RECORD_ITEM_PREFIX = `${RECORD_PATH}/`;
export const FILES_SUFFIX = '/files';
export const LOCK_ID_HEADER = 'x-backup-lock-id';
