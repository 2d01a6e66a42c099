import type { IpcErrorCode } from '../../shared/ipcResult';

/** An error a handler throws on purpose; its message is shown to the user as is, so it never holds a secret. */
export class AppError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
