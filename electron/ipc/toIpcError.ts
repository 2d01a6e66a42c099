import type { IpcError } from '../../shared/ipcResult';
import { SchemaError } from '../../shared/schema';
import { AuditWriteError } from '../core/lockService';
import { ProfileStoreError } from '../core/profiles/profileStoreError';
import { SecretDestinationError } from '../core/secrets/boundSecret';
import { SecretStoreError } from '../core/secrets/secretStore';
import { AppError } from './appError';

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong inside the app. Try again; if it keeps happening, restart the app and report it with the steps that led here.';

/**
 * Turns anything a handler threw into an IpcError that is safe to show. Only errors whose messages
 * are written for users pass their text through; anything else could carry a secret, so it does not.
 */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof SchemaError) return { code: 'invalid-argument', message: error.message };
  if (error instanceof SecretStoreError) return { code: 'keychain-unavailable', message: error.message };
  // Names the changed fields only, never the secret.
  if (error instanceof SecretDestinationError) return { code: 'invalid-argument', message: error.message };
  // Written for users, and the lock service has already scrubbed the secret out of it.
  if (error instanceof AuditWriteError) return { code: 'storage', message: error.message };
  if (error instanceof ProfileStoreError) {
    switch (error.kind) {
      case 'not-found':
        return { code: 'not-found', message: error.message };
      case 'invalid':
        return { code: 'invalid-argument', message: error.message };
      default:
        return { code: 'storage', message: error.message };
    }
  }
  return { code: 'internal', message: INTERNAL_ERROR_MESSAGE };
}
