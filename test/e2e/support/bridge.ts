/**
 * Runs in the page before its scripts (page.addInitScript), so it must be self-contained: it builds
 * `window.lockAdmin` from the contract's method names, each method calling the exposed binding
 * `__lockAdminInvoke(method, arg)` that routes to the real handlers, as the preload does over IPC.
 */
export function installLockAdminBridge(methodNames: string[]): void {
  const page = globalThis as unknown as Record<string, unknown>;
  const failure = {
    ok: false,
    error: { code: 'internal', message: 'The test bridge could not reach the handlers.' },
  };
  const api: Record<string, (arg?: unknown) => Promise<unknown>> = {};
  for (const method of methodNames) {
    api[method] = async (arg?: unknown) => {
      try {
        const invoke = page.__lockAdminInvoke as (method: string, arg: unknown) => Promise<unknown>;
        return await invoke(method, arg);
      } catch {
        return failure;
      }
    };
  }
  Object.defineProperty(page, 'lockAdmin', { value: Object.freeze(api), enumerable: true });
}
