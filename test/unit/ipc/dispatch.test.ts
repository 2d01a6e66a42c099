import { describe, expect, it, vi } from 'vitest';
import { type Handlers, METHOD_NAMES } from '../../../shared/contract';
import { AppError } from '../../../electron/ipc/appError';
import { UNKNOWN_METHOD_MESSAGE, dispatch } from '../../../electron/ipc/dispatch';
import { INTERNAL_ERROR_MESSAGE } from '../../../electron/ipc/toIpcError';

function spyHandlers(): Handlers {
  const handlers: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const method of METHOD_NAMES) handlers[method] = vi.fn(async () => ({ method }));
  return handlers as unknown as Handlers;
}

describe('dispatch', () => {
  it('runs the handler with the parsed argument and wraps its value', async () => {
    const handlers = spyHandlers();
    const result = await dispatch(handlers, 'releaseLock', { profileId: 'prod', lockId: 'abc@102' });
    expect(result).toEqual({ ok: true, value: { method: 'releaseLock' } });
    expect(handlers.releaseLock).toHaveBeenCalledWith({ profileId: 'prod', lockId: 'abc@102' });
  });

  it('passes a fresh object holding only the declared keys', async () => {
    const handlers = spyHandlers();
    const arg = { profileId: 'prod' };
    await dispatch(handlers, 'secretStatus', arg);
    const received = vi.mocked(handlers.secretStatus).mock.calls[0][0];
    expect(received).toEqual(arg);
    expect(received).not.toBe(arg);
  });

  it.each([
    ['unknown name', 'dropTables'],
    ['prototype key', 'constructor'],
    ['prototype key', '__proto__'],
    ['not a string', 42],
    ['missing', undefined],
  ])('rejects an unknown method (%s) without calling any handler', async (_label, method) => {
    const handlers = spyHandlers();
    const result = await dispatch(handlers, method, undefined);
    expect(result).toEqual({ ok: false, error: { code: 'unknown-method', message: UNKNOWN_METHOD_MESSAGE } });
    for (const name of METHOD_NAMES) expect(handlers[name]).not.toHaveBeenCalled();
  });

  it.each([
    ['releaseLock', { profileId: 'prod', lockId: '' }, 'lockId: is required'],
    ['releaseLock', { profileId: 'prod', lockId: 'a\r\nX-Evil: 1' }, 'lockId: must not contain control characters'],
    ['releaseLock', { profileId: 'prod', lockId: 'x', extra: 1 }, 'has an unexpected field "extra"'],
    ['deleteProfile', { profileId: '../etc' }, 'profileId: is lower-case letters'],
    ['listProfiles', { sneaky: true }, 'takes no argument'],
    ['setSecret', 'just-a-string', 'must be an object'],
    ['cancelRequest', { requestTag: 'has space' }, 'requestTag: is letters, digits, dash or underscore'],
  ])('rejects an invalid argument for %s with the schema message, handler not called', async (method, arg, text) => {
    const handlers = spyHandlers();
    const result = await dispatch(handlers, method, arg);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-argument');
    expect(result.error.message).toContain(text);
    expect(handlers[method as keyof Handlers]).not.toHaveBeenCalled();
  });

  it('turns an AppError into its code and message', async () => {
    const handlers = spyHandlers();
    vi.mocked(handlers.deleteProfile).mockRejectedValue(new AppError('not-found', 'There is no profile "x".'));
    const result = await dispatch(handlers, 'deleteProfile', { profileId: 'x' });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no profile "x".' } });
  });

  it('never echoes the text of an unexpected error, which could hold a secret', async () => {
    const handlers = spyHandlers();
    vi.mocked(handlers.setSecret).mockRejectedValue(new Error('failed to store sbx_TOPSECRET'));
    const result = await dispatch(handlers, 'setSecret', { profileId: 'p', secret: 'sbx_TOPSECRET' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } });
    expect(JSON.stringify(result)).not.toContain('TOPSECRET');
  });

  it('resolves (never rejects) when a handler throws synchronously or throws a non-error', async () => {
    const handlers = spyHandlers();
    vi.mocked(handlers.listProfiles).mockImplementation(() => {
      throw 'boom';
    });
    await expect(dispatch(handlers, 'listProfiles', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('calls the handler synchronously, before the first await', () => {
    const handlers = spyHandlers();
    void dispatch(handlers, 'cancelRequest', { requestTag: 't1' });
    expect(handlers.cancelRequest).toHaveBeenCalledTimes(1);
  });
});
