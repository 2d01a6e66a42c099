import { type LockAdminApi, METHOD_NAMES, channelFor } from '../../shared/contract';
import type { IpcResult } from '../../shared/ipcResult';

export type Invoke = (channel: string, arg: unknown) => Promise<unknown>;

const BRIDGE_FAILURE: IpcResult<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'The app could not reach its main process. Restart the app; if it keeps happening, report it.',
  },
};

/**
 * Builds `window.lockAdmin` from the contract: one function per method, each sending only its
 * argument on the method's channel. Calls never reject: a failure of the bridge itself comes back
 * as an IpcError like every other failure.
 */
export function buildLockAdminApi(invoke: Invoke): LockAdminApi {
  const api: Record<string, (arg: unknown) => Promise<unknown>> = {};
  for (const method of METHOD_NAMES) {
    const channel = channelFor(method);
    api[method] = async (arg: unknown) => {
      try {
        return await invoke(channel, arg);
      } catch {
        return BRIDGE_FAILURE;
      }
    };
  }
  return Object.freeze(api) as unknown as LockAdminApi;
}
