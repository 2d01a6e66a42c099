import { useEffect, useRef } from 'react';
import { type ShortcutAction, isMacPlatform, matchShortcut } from './shortcutKeys';

/** macOS or not, from User-Agent Client Hints where the browser has them, else navigator.platform. */
export function platformIsMac(): boolean {
  if (typeof navigator === 'undefined') return false;
  const hints = (navigator as Navigator & { userAgentData?: { platform?: unknown } }).userAgentData;
  const platform = typeof hints?.platform === 'string' && hints.platform !== '' ? hints.platform : navigator.platform;
  return isMacPlatform(platform);
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** While a modal dialog is open (a confirmation, the shortcuts overlay) only the dialog takes keys. */
function modalOpen(): boolean {
  return document.querySelector('dialog[open], [aria-modal="true"]') !== null;
}

/**
 * Calls `onAction` for each shortcut pressed while the component is mounted. It returns true when it
 * handled the action; only then is the key's default behaviour prevented.
 */
export function useShortcutKeys(onAction: (action: ShortcutAction) => boolean): void {
  const latest = useRef(onAction);
  useEffect(() => {
    latest.current = onAction;
  });

  useEffect(() => {
    const mac = platformIsMac();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.repeat || modalOpen()) return;
      const action = matchShortcut(event, mac, isTypingTarget(event.target));
      if (action && latest.current(action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
