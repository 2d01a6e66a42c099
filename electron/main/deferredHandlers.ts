import { type Handlers, METHOD_NAMES, type MethodName } from '../../shared/contract';

type AnyHandler = (arg: unknown) => Promise<unknown>;

/**
 * Handlers that wait for the real ones. Main registers its IPC before it opens the window and loads the
 * services and handlers after (docs/architecture.md, "Start-up"), so a call that comes early waits instead of
 * finding no handler; when loading failed, every call fails with that error.
 */
export function deferredHandlers(ready: Promise<Handlers>): Handlers {
  const waiting = (method: MethodName): AnyHandler => {
    return async (arg) => {
      const handlers = await ready;
      return (handlers[method] as AnyHandler)(arg);
    };
  };
  return Object.fromEntries(METHOD_NAMES.map((method) => [method, waiting(method)])) as Handlers;
}
