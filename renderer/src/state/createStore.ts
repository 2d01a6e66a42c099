/**
 * A value kept outside React that components observe with useStore (React's useSyncExternalStore).
 * Each change replaces the value; listeners hear of it only when the new value is not the same one.
 */
type Listener = () => void;

export interface Store<T> {
  /** The current value (React's getSnapshot). */
  get: () => T;
  /** Replaces the value, or derives the next one from the current one. */
  set: (next: T | ((current: T) => T)) => void;
  subscribe: (listener: Listener) => () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => value,
    set: (next) => {
      const resolved = typeof next === 'function' ? (next as (current: T) => T)(value) : next;
      if (Object.is(resolved, value)) return;
      value = resolved;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
