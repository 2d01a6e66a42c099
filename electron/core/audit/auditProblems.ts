import { AuditLogError } from './auditLogError';

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function describeError(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : 'unknown error');
}

/** An "io" AuditLogError that names the audit file, says why, and what to do. */
export function unwritable(auditFile: string, why: string, cause: unknown): AuditLogError {
  return new AuditLogError(
    'io',
    `The audit log ${auditFile} cannot be written: ${why} (${describeError(cause)}). Nothing was sent. ` +
      'Check that the data folder exists, is writable and the disk has free space, or choose another one (--data-dir).',
  );
}
