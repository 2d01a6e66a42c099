import type { IpcError, IpcResult, LockAdminApi, MethodName } from '../../../shared/contract';
import { METHOD_NAMES } from '../../../shared/contract';
import { t } from '../i18n';

function unavailableApi(): LockAdminApi {
  const error: IpcError = { code: 'internal', message: t('error.noBridge') };
  const result: IpcResult<never> = { ok: false, error };
  const entries = METHOD_NAMES.map((method: MethodName) => [method, () => Promise.resolve(result)]);
  return Object.fromEntries(entries) as LockAdminApi;
}

let fallback: LockAdminApi | null = null;

/** The bridge to main. Outside the app (a plain browser tab) every call resolves to an explanatory error. */
export function lockAdmin(): LockAdminApi {
  if (window.lockAdmin) return window.lockAdmin;
  fallback ??= unavailableApi();
  return fallback;
}

export function hasBridge(): boolean {
  return window.lockAdmin !== undefined;
}
