import { useSyncExternalStore } from 'react';
import type { Store } from './createStore';

/**
 * The store's value, or the part `select` picks; the component re-renders when it changes. `select`
 * must return the same value for the same state (a field, not a new object).
 */
export function useStore<T>(store: Store<T>): T;
export function useStore<T, S>(store: Store<T>, select: (state: T) => S): S;
export function useStore<T, S>(store: Store<T>, select?: (state: T) => S): T | S {
  return useSyncExternalStore<T | S>(store.subscribe, select ? () => select(store.get()) : store.get);
}
