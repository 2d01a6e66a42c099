/**
 * The app's keyboard shortcuts: which key press means what, and the list the shortcuts overlay shows.
 * Pure (no DOM), so it is unit-tested. The modifier is Ctrl on Linux and Windows and ⌘ on macOS. On
 * macOS ⌘H hides the app, so history is ⌘Y there, as in the Mac browsers. Nothing here uses the Edit
 * menu's keys (C, V, X, A, Z), the View and Window menus' (R, 0, +, -, M, W, Q) or Shift.
 */
import type { MessageKey } from '../../i18n/en';

export type ShortcutAction =
  | { kind: 'focusLockId' }
  | { kind: 'release' }
  | { kind: 'history' }
  | { kind: 'batch' }
  | { kind: 'inspect' }
  | { kind: 'diagnostics' }
  | { kind: 'profilePicker' }
  | { kind: 'selectProfile'; index: number }
  | { kind: 'help' };

/** The fields of a KeyboardEvent that matter here. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** navigator.userAgentData.platform ("macOS") where there is one, else navigator.platform ("MacIntel"). */
export function isMacPlatform(platform: string): boolean {
  return /^(mac|iphone|ipad|ipod)/i.test(platform);
}

/** The letter pressed: by its meaning on Latin layouts, by its position on others (Cyrillic, Greek…). */
function letterOf(press: KeyPress): string | null {
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase();
  const byPosition = /^Key([A-Z])$/.exec(press.code);
  return byPosition ? byPosition[1].toLowerCase() : null;
}

function digitOf(press: KeyPress): number | null {
  if (/^[1-9]$/.test(press.key)) return Number(press.key);
  const byPosition = /^(?:Digit|Numpad)([1-9])$/.exec(press.code);
  return byPosition ? Number(byPosition[1]) : null;
}

const LETTER_ACTIONS: Readonly<Record<string, ShortcutAction>> = {
  l: { kind: 'focusLockId' },
  b: { kind: 'batch' },
  i: { kind: 'inspect' },
  d: { kind: 'diagnostics' },
  p: { kind: 'profilePicker' },
};

function historyLetter(mac: boolean): string {
  return mac ? 'y' : 'h';
}

/**
 * The action for a key press, or null. `typing` is true while the focus is in a text field: the
 * single-key "?" is then ordinary text; modifier shortcuts and F1 still work.
 */
export function matchShortcut(press: KeyPress, mac: boolean, typing: boolean): ShortcutAction | null {
  const modifier = mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (!modifier) {
    if (press.ctrlKey || press.metaKey || press.altKey) return null;
    if (press.key === 'F1' && !press.shiftKey) return { kind: 'help' };
    if (press.key === '?' && !typing) return { kind: 'help' };
    return null;
  }
  if (press.altKey || press.shiftKey) return null;
  if (press.key === 'Enter') return { kind: 'release' };
  const digit = digitOf(press);
  if (digit !== null) return { kind: 'selectProfile', index: digit - 1 };
  const letter = letterOf(press);
  if (letter === null) return null;
  if (letter === historyLetter(mac)) return { kind: 'history' };
  return Object.hasOwn(LETTER_ACTIONS, letter) ? LETTER_ACTIONS[letter] : null;
}

/** One way to press a shortcut: key caps pressed together. */
export type KeyCombo = readonly string[];

interface ShortcutRow {
  label: MessageKey;
  /** Alternatives, any of which works. */
  combos: readonly KeyCombo[];
}

function modifierName(mac: boolean): string {
  return mac ? '⌘' : 'Ctrl';
}

/** What the shortcuts overlay lists, in this order. */
export function shortcutRows(mac: boolean): readonly ShortcutRow[] {
  const mod = modifierName(mac);
  return [
    { label: 'shortcuts.focusLockId', combos: [[mod, 'L']] },
    { label: 'shortcuts.release', combos: [[mod, 'Enter']] },
    { label: 'shortcuts.profilePicker', combos: [[mod, 'P']] },
    { label: 'shortcuts.selectProfile', combos: [[mod, '1 … 9']] },
    { label: 'shortcuts.history', combos: [[mod, historyLetter(mac).toUpperCase()]] },
    { label: 'shortcuts.batch', combos: [[mod, 'B']] },
    { label: 'shortcuts.inspect', combos: [[mod, 'I']] },
    { label: 'shortcuts.diagnostics', combos: [[mod, 'D']] },
    { label: 'shortcuts.help', combos: [['?'], ['F1']] },
    { label: 'shortcuts.closeDialog', combos: [['Esc']] },
  ];
}
