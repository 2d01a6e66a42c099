/**
 * Where the window's "unsaved profile edits" state goes: the desktop shell's close guard
 * (electron/main/closeGuard.ts), which asks before the window closes or the app quits. Electron-free: the e2e
 * host passes its own, the CLI none.
 */
export interface UnsavedChangesPort {
  setUnsaved(unsaved: boolean): void;
}
