import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../../shared/schema';
import { ProfileStoreError } from '../../../electron/core/profiles/profileStoreError';
import { AuditWriteError } from '../../../electron/core/lockService';
import { SecretStoreError } from '../../../electron/core/secrets/secretStore';
import { AppError } from '../../../electron/ipc/appError';
import { INTERNAL_ERROR_MESSAGE, toIpcError } from '../../../electron/ipc/toIpcError';

describe('toIpcError', () => {
  it('keeps the code and message of an AppError', () => {
    expect(toIpcError(new AppError('not-found', 'No such profile.'))).toEqual({
      code: 'not-found',
      message: 'No such profile.',
    });
  });

  it('maps a SchemaError to invalid-argument', () => {
    expect(toIpcError(new SchemaError('lockId', 'is required'))).toEqual({
      code: 'invalid-argument',
      message: 'lockId: is required',
    });
  });

  it('maps a SecretStoreError to keychain-unavailable with its advice', () => {
    const error = new SecretStoreError('unavailable', 'No keychain. Install gnome-keyring.');
    expect(toIpcError(error)).toEqual({ code: 'keychain-unavailable', message: 'No keychain. Install gnome-keyring.' });
  });

  it('maps an AuditWriteError to storage, keeping its message', () => {
    const error = new AuditWriteError(
      'The audit log could not be written, so the release request was not sent: EACCES',
      null,
    );
    expect(toIpcError(error)).toEqual({ code: 'storage', message: error.message });
  });

  it.each([
    ['corrupt', 'storage'],
    ['io', 'storage'],
    ['not-found', 'not-found'],
    ['invalid', 'invalid-argument'],
  ] as const)('maps a ProfileStoreError of kind %s to %s', (kind, code) => {
    expect(toIpcError(new ProfileStoreError(kind, 'What happened and what to do.'))).toEqual({
      code,
      message: 'What happened and what to do.',
    });
  });

  it.each([new Error('token sbx_SECRET leaked'), new TypeError('x'), 'text', null, { message: 'sbx_SECRET' }])(
    'gives a generic internal error for anything else (%s)',
    (error) => {
      expect(toIpcError(error)).toEqual({ code: 'internal', message: INTERNAL_ERROR_MESSAGE });
    },
  );
});
