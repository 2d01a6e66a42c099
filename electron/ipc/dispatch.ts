import { type Handlers, contract, isMethodName } from '../../shared/contract';
import type { IpcResult } from '../../shared/ipcResult';
import { safeParse } from '../../shared/schema';
import { toIpcError } from './toIpcError';

export const UNKNOWN_METHOD_MESSAGE =
  'The app received a request it does not know. Restart the app; if it keeps happening, report it.';

/**
 * Validates and runs one IPC call (VS Code's validatedIpcMain, with the argument schema taken from the
 * method's contract entry). Never throws and never rejects: every failure comes back as an
 * IpcError. The handler is called synchronously after validation, so a handler that registers
 * itself before its first await is visible to a cancel request that arrives right after it.
 */
export async function dispatch(handlers: Handlers, method: unknown, arg: unknown): Promise<IpcResult<unknown>> {
  try {
    if (!isMethodName(method)) return { ok: false, error: { code: 'unknown-method', message: UNKNOWN_METHOD_MESSAGE } };
    const parsed = safeParse(contract[method].args, arg);
    if (!parsed.ok) {
      const message = parsed.error.message || 'The request argument is not valid.';
      return { ok: false, error: { code: 'invalid-argument', message } };
    }
    const handler = handlers[method] as (arg: unknown) => Promise<unknown>;
    const value = await handler(parsed.value);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}
