export type AuditLogFailure = 'invalid' | 'io';

export class AuditLogError extends Error {
  constructor(
    readonly failure: AuditLogFailure,
    /** What is wrong and what to do. Never contains a secret. */
    message: string,
  ) {
    super(message);
    this.name = 'AuditLogError';
  }
}
