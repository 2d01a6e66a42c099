import { describe, expect, it } from 'vitest';
import type { IpcError, IpcResult } from '../../../../shared/ipcResult';
import { callFinished, callSettled, callStarted, idleCall, mapResult } from '../../../../renderer/src/api/ipcCallState';

const refused: IpcError = { code: 'storage', message: 'Could not save the profile. Check the disk and try again.' };
const failure: IpcResult<number> = { ok: false, error: refused };

describe('the state of an IPC call', () => {
  it('is busy from the start of a call to its end', () => {
    const started = callStarted(idleCall<number>());
    expect(started).toEqual({ busy: true, error: null, value: null });
    expect(callFinished(started).busy).toBe(false);
  });

  it('keeps the value of a success and forgets an earlier error', () => {
    const failed = callSettled(idleCall<number>(), failure, {});
    expect(callSettled(failed, { ok: true, value: 7 }, {})).toEqual({ busy: false, error: null, value: 7 });
  });

  it('shows the error of a failure and by default clears the value', () => {
    const succeeded = callSettled(idleCall<number>(), { ok: true, value: 7 }, {});
    expect(callSettled(succeeded, failure, {})).toEqual({ busy: false, error: refused, value: null });
  });

  it('keeps the last value through a failure when asked to', () => {
    const succeeded = callSettled(idleCall<number>(), { ok: true, value: 7 }, {});
    expect(callSettled(succeeded, failure, { keepValueOnError: true })).toEqual({
      busy: false,
      error: refused,
      value: 7,
    });
  });

  it('maps the value of a success and passes an error through unchanged', () => {
    expect(mapResult({ ok: true, value: 2 }, (value) => `#${value}`)).toEqual({ ok: true, value: '#2' });
    expect(mapResult(failure, (value) => `#${value}`)).toBe(failure);
  });
});
