import { describe, expect, it } from 'vitest';
import { en } from '../../../../../renderer/src/i18n/en';
import {
  type KeyPress,
  isMacPlatform,
  matchShortcut,
  shortcutRows,
} from '../../../../../renderer/src/features/shortcuts/shortcutKeys';

function press(key: string, modifiers: Partial<KeyPress> = {}, code?: string): KeyPress {
  const derived = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^\d$/.test(key) ? `Digit${key}` : key;
  return { key, code: code ?? derived, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}
const ctrl = (key: string, code?: string) => press(key, { ctrlKey: true }, code);
const cmd = (key: string, code?: string) => press(key, { metaKey: true }, code);

describe('matchShortcut on Linux and Windows (Ctrl)', () => {
  it.each([
    ['l', 'focusLockId'],
    ['L', 'focusLockId'],
    ['Enter', 'release'],
    ['h', 'history'],
    ['b', 'batch'],
    ['i', 'inspect'],
    ['d', 'diagnostics'],
    ['p', 'profilePicker'],
  ])('Ctrl+%s → %s', (key, kind) => {
    expect(matchShortcut(ctrl(key), false, false)).toEqual({ kind });
    expect(matchShortcut(ctrl(key), false, true), 'also while typing').toEqual({ kind });
  });

  it('Ctrl+1 … Ctrl+9 pick the profile at index 0 … 8, from the top row or the keypad', () => {
    for (let digit = 1; digit <= 9; digit++) {
      expect(matchShortcut(ctrl(String(digit)), false, false)).toEqual({ kind: 'selectProfile', index: digit - 1 });
    }
    expect(matchShortcut(ctrl('3', 'Numpad3'), false, false)).toEqual({ kind: 'selectProfile', index: 2 });
    expect(matchShortcut(ctrl('0'), false, false)).toBeNull();
  });

  it('leaves the Edit, View and Window menu keys alone', () => {
    for (const key of ['c', 'v', 'x', 'a', 'z', 'y', 'r', 'w', 'q', 'm', '0', '+', '-']) {
      expect(matchShortcut(ctrl(key), false, false), `Ctrl+${key}`).toBeNull();
    }
  });

  it('ignores the shortcuts with Shift, Alt or ⌘ added, and ⌘ alone', () => {
    expect(matchShortcut(press('l', { ctrlKey: true, shiftKey: true }), false, false)).toBeNull();
    expect(matchShortcut(press('l', { ctrlKey: true, altKey: true }), false, false)).toBeNull();
    expect(matchShortcut(press('l', { ctrlKey: true, metaKey: true }), false, false)).toBeNull();
    expect(matchShortcut(cmd('l'), false, false)).toBeNull();
    expect(matchShortcut(press('l'), false, false)).toBeNull();
  });

  it('finds letters by position on non-Latin layouts', () => {
    expect(matchShortcut(ctrl('д', 'KeyL'), false, false)).toEqual({ kind: 'focusLockId' });
    expect(matchShortcut(ctrl('и', 'KeyB'), false, false)).toEqual({ kind: 'batch' });
  });

  it('follows the meaning of the key on Latin layouts (Dvorak "l" is where QWERTY has "p")', () => {
    expect(matchShortcut(ctrl('l', 'KeyP'), false, false)).toEqual({ kind: 'focusLockId' });
  });
});

describe('matchShortcut on macOS (⌘)', () => {
  it('uses ⌘ instead of Ctrl', () => {
    expect(matchShortcut(cmd('l'), true, false)).toEqual({ kind: 'focusLockId' });
    expect(matchShortcut(cmd('Enter'), true, false)).toEqual({ kind: 'release' });
    expect(matchShortcut(cmd('2'), true, false)).toEqual({ kind: 'selectProfile', index: 1 });
    expect(matchShortcut(ctrl('l'), true, false)).toBeNull();
  });

  it('opens history with ⌘Y, since ⌘H hides the app', () => {
    expect(matchShortcut(cmd('y'), true, false)).toEqual({ kind: 'history' });
    expect(matchShortcut(cmd('h'), true, false)).toBeNull();
  });
});

describe('matchShortcut for help', () => {
  it('opens on "?" outside text fields and on F1 everywhere', () => {
    expect(matchShortcut(press('?', { shiftKey: true }, 'Slash'), false, false)).toEqual({ kind: 'help' });
    expect(matchShortcut(press('?', {}, 'Minus'), true, false)).toEqual({ kind: 'help' });
    expect(matchShortcut(press('F1'), false, false)).toEqual({ kind: 'help' });
    expect(matchShortcut(press('F1'), true, true)).toEqual({ kind: 'help' });
  });

  it('lets "?" be typed into a field', () => {
    expect(matchShortcut(press('?', { shiftKey: true }, 'Slash'), false, true)).toBeNull();
  });

  it('ignores "?" and F1 with Ctrl, ⌘ or Alt held, and other single keys', () => {
    expect(matchShortcut(press('?', { altKey: true }), false, false)).toBeNull();
    expect(matchShortcut(press('F1', { ctrlKey: true }), false, false)).toBeNull();
    expect(matchShortcut(press('F1', { shiftKey: true }), false, false)).toBeNull();
    for (const key of ['l', 'h', '/', 'Enter', 'Escape', '1']) {
      expect(matchShortcut(press(key), false, false), key).toBeNull();
    }
  });
});

describe('isMacPlatform', () => {
  it.each([
    ['macOS', true],
    ['MacIntel', true],
    ['iPad', true],
    ['Linux x86_64', false],
    ['Win32', false],
    ['Windows', false],
    ['', false],
  ])('%s → %s', (platform, expected) => {
    expect(isMacPlatform(platform)).toBe(expected);
  });
});

describe('shortcutRows', () => {
  it('lists every action with a label that exists, with the platform modifier', () => {
    for (const mac of [false, true]) {
      const rows = shortcutRows(mac);
      for (const row of rows) expect(Object.hasOwn(en, row.label), row.label).toBe(true);
      const history = rows.find((row) => row.label === 'shortcuts.history');
      expect(history?.combos).toEqual([mac ? ['⌘', 'Y'] : ['Ctrl', 'H']]);
    }
  });

  it('agrees with matchShortcut for every listed modifier shortcut', () => {
    for (const mac of [false, true]) {
      for (const row of shortcutRows(mac)) {
        for (const combo of row.combos) {
          if (combo.length !== 2 || combo[1].includes('…')) continue;
          const key = combo[1] === 'Enter' ? 'Enter' : combo[1].toLowerCase();
          const pressed = mac ? cmd(key) : ctrl(key);
          expect(
            matchShortcut(pressed, mac, false),
            `${combo.join('+')} on ${mac ? 'macOS' : 'others'}`,
          ).not.toBeNull();
        }
      }
    }
  });
});
