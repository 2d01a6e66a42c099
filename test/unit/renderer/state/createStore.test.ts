import { describe, expect, it } from 'vitest';
import { createStore } from '../../../../renderer/src/state/createStore';

describe('createStore', () => {
  it('returns the initial value, then each value set or derived', () => {
    const store = createStore(1);
    expect(store.get()).toBe(1);
    store.set(2);
    expect(store.get()).toBe(2);
    store.set((current) => current * 10);
    expect(store.get()).toBe(20);
  });

  it('tells every listener of a change, and no one after they unsubscribe', () => {
    const store = createStore('a');
    const heard: string[] = [];
    const stopFirst = store.subscribe(() => heard.push(`first:${store.get()}`));
    store.subscribe(() => heard.push(`second:${store.get()}`));
    store.set('b');
    stopFirst();
    store.set('c');
    expect(heard).toEqual(['first:b', 'second:b', 'second:c']);
  });

  it('stays silent when the value set is the same one', () => {
    const state = { count: 1 };
    const store = createStore(state);
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.set(state);
    store.set((current) => current);
    expect(calls).toBe(0);
    store.set({ count: 1 });
    expect(calls).toBe(1);
  });

  it('lets a listener unsubscribe itself while being told', () => {
    const store = createStore(0);
    const heard: number[] = [];
    const stop = store.subscribe(() => {
      heard.push(1);
      stop();
    });
    store.subscribe(() => heard.push(2));
    store.set(1);
    store.set(2);
    expect(heard).toEqual([1, 2, 2]);
  });
});
