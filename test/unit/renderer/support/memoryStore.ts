import type { KeyValueStore } from '../../../../renderer/src/features/settings/settingsStorage';

/** Web Storage semantics: strings in, strings out. */
export class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** Storage that the browser refuses (disabled, or full). */
export class BrokenStore implements KeyValueStore {
  getItem(): string | null {
    throw new Error('SecurityError: storage disabled');
  }
  setItem(): void {
    throw new Error('QuotaExceededError');
  }
  removeItem(): void {
    throw new Error('SecurityError: storage disabled');
  }
}
