/** The files of a backup record, computed from the record when asked for rather than stored. */
import { createHash } from 'node:crypto';
import type { BackupRecordEntry } from './backupRecords';

export interface BackupFileEntry {
  /** 19 digits, kept as a string. */
  fileId: string;
  fileName: string;
  sha256: string;
  size: number;
  description: string;
  mimeType: string;
  createdAtMs: number;
  /** Served as a bare JSON integer rather than a string. */
  bareId: boolean;
}

interface FileKind {
  name: (index: number, day: string) => string;
  mimeType: string;
  description: string;
  /** Typical size in bytes; each file varies from a tenth of it to twice it. */
  bytes: number;
}

const FOLDER_KINDS: readonly FileKind[] = [
  { name: (i) => `report-${pad(i)}.pdf`, mimeType: 'application/pdf', description: 'Documents', bytes: 900_000 },
  {
    name: (i) => `notes-${pad(i)}.docx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    description: 'Documents',
    bytes: 120_000,
  },
  { name: (i) => `todo-${pad(i)}.txt`, mimeType: 'text/plain', description: 'Notes', bytes: 4_000 },
];
const ALBUM_KINDS: readonly FileKind[] = [
  { name: (i, day) => `IMG_${day}_${pad(i)}.jpg`, mimeType: 'image/jpeg', description: 'Camera', bytes: 3_500_000 },
  { name: (i, day) => `IMG_${day}_${pad(i)}.heic`, mimeType: 'image/heic', description: 'Camera', bytes: 2_000_000 },
  { name: (i, day) => `VID_${day}_${pad(i)}.mp4`, mimeType: 'video/mp4', description: 'Videos', bytes: 60_000_000 },
];
const CONTACT_KINDS: readonly FileKind[] = [
  {
    name: (i) => (i === 0 ? 'contacts.vcf' : `contacts-${pad(i)}.vcf`),
    mimeType: 'text/vcard',
    description: 'Contacts',
    bytes: 250_000,
  },
];

function kindsOf(moduleCode: string): readonly FileKind[] {
  if (moduleCode === '101') return ALBUM_KINDS;
  if (moduleCode === '102') return CONTACT_KINDS;
  return FOLDER_KINDS;
}

function pad(index: number): string {
  return String(index + 1).padStart(4, '0');
}

/** File `index` (0-based) of `record`; the same every time it is asked for. */
export function recordFile(record: BackupRecordEntry, index: number): BackupFileEntry {
  const fileId = (record.firstFileId + 2n * BigInt(index)).toString();
  const digest = createHash('sha256').update(`${record.recordId}/${index}`).digest();
  const kinds = kindsOf(record.moduleCode);
  const kind = kinds[digest[0] % kinds.length];
  const day = new Date(record.createdAtMs).toISOString().slice(0, 10).replaceAll('-', '');
  const spread = 0.1 + (digest.readUInt16BE(1) / 0xffff) * 1.9;
  return {
    fileId,
    fileName: kind.name(index, day),
    sha256: createHash('sha256').update(digest).digest('hex'),
    size: Math.max(1, Math.round(kind.bytes * spread)),
    description: kind.description,
    mimeType: kind.mimeType,
    createdAtMs: record.createdAtMs + (index + 1) * 1500,
    bareId: index % 3 === 1,
  };
}

/** The index of a file of `record` by its ID, or null when it is not one of them. */
export function fileIndex(record: BackupRecordEntry, fileId: string): number | null {
  if (!/^\d{1,20}$/.test(fileId)) return null;
  const offset = BigInt(fileId) - record.firstFileId;
  if (offset < 0n || offset % 2n !== 0n) return null;
  const index = Number(offset / 2n);
  return index < record.fileCount ? index : null;
}
