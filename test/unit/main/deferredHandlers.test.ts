import { describe, expect, it } from 'vitest';
import { type Handlers, METHOD_NAMES } from '../../../shared/contract';
import { deferredHandlers } from '../../../electron/main/deferredHandlers';

type AnyHandler = (arg: unknown) => Promise<unknown>;

function recordingHandlers(calls: string[]): Handlers {
  const entries = METHOD_NAMES.map((method) => [
    method,
    (arg: unknown) => {
      calls.push(`${method} ${JSON.stringify(arg)}`);
      return Promise.resolve({ ok: true, value: method });
    },
  ]);
  return Object.fromEntries(entries) as Handlers;
}

describe('deferredHandlers', () => {
  it('has every method of the contract, and a call made early waits for the real handlers', async () => {
    let loaded: (handlers: Handlers) => void = () => undefined;
    const deferred = deferredHandlers(new Promise<Handlers>((resolve) => (loaded = resolve)));
    expect(Object.keys(deferred).sort()).toEqual([...METHOD_NAMES].sort());

    const calls: string[] = [];
    const early = (deferred.listProfiles as AnyHandler)({});
    let settled = false;
    void early.then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);

    loaded(recordingHandlers(calls));
    await expect(early).resolves.toEqual({ ok: true, value: 'listProfiles' });
    await expect((deferred.listProfiles as AnyHandler)(undefined)).resolves.toEqual({
      ok: true,
      value: 'listProfiles',
    });
    expect(calls).toEqual(['listProfiles {}', 'listProfiles undefined']);
  });

  it('fails every call with the error when the handlers could not be loaded', async () => {
    const deferred = deferredHandlers(Promise.reject(new Error('chunk missing')));
    await expect((deferred.listProfiles as AnyHandler)({})).rejects.toThrow('chunk missing');
  });
});
