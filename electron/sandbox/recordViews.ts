/**
 * Backup records and files as JSON (docs/koodrive-protocol.md#endpoints): the body with every ID a
 * string, and the text sent, in which the IDs of some items are bare JSON integers. The real
 * service documents them as strings; a client must keep a 19-digit ID exact either way.
 */
import type { BackupRecordEntry } from './backupRecords';
import type { JsonReply } from './errorBodies';
import type { BackupFileEntry } from './recordFiles';

interface Item {
  view: Readonly<Record<string, unknown>>;
  text: string;
}

function isoOrEmpty(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString();
}

export function recordItem(record: BackupRecordEntry): Item {
  const { device } = record;
  const view = {
    recordId: record.recordId,
    moduleCode: record.moduleCode,
    status: record.status,
    properties: record.properties,
    version: record.version,
    createTime: isoOrEmpty(record.createdAtMs),
    endTime: isoOrEmpty(record.endedAtMs),
    deviceInfo: {
      deviceId: device.deviceId,
      machineCode: device.machineCode,
      deviceName: device.deviceName,
      deviceOS: device.deviceOS,
      createTime: isoOrEmpty(device.createdAtMs),
    },
  };
  return { view, text: withIdFirst(view, 'recordId', record.recordId, record.bareId) };
}

export function fileItem(file: BackupFileEntry): Item {
  const view = {
    fileId: file.fileId,
    fileName: file.fileName,
    sha256: file.sha256,
    size: file.size,
    description: file.description,
    mimeType: file.mimeType,
    createTime: isoOrEmpty(file.createdAtMs),
  };
  return { view, text: withIdFirst(view, 'fileId', file.fileId, file.bareId) };
}

/** JSON text of `view`, whose first key is `key` holding the digits `id`: quoted, or bare when `bare`. */
function withIdFirst(view: Readonly<Record<string, unknown>>, key: string, id: string, bare: boolean): string {
  const text = JSON.stringify(view);
  if (!bare) return text;
  const quoted = `{${JSON.stringify(key)}:${JSON.stringify(id)}`;
  if (!text.startsWith(quoted) || !/^\d+$/.test(id)) throw new Error(`${key} must come first and be digits`);
  return `{${JSON.stringify(key)}:${id}${text.slice(quoted.length)}`;
}

export function itemReply(item: Item): JsonReply {
  return {
    status: 200,
    body: { code: 0, msg: 'success', data: item.view },
    text: `{"code":0,"msg":"success","data":${item.text}}`,
  };
}

/** A page: `nextCursor` is "" on the last one. */
export function pageReply(items: readonly Item[], nextCursor: string): JsonReply {
  return {
    status: 200,
    body: { code: 0, msg: 'success', data: items.map((item) => item.view), nextCursor },
    text: `{"code":0,"msg":"success","data":[${items.map((item) => item.text).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`,
  };
}
