/** English strings of the keyboard shortcuts; merged into the catalogue by i18n/en.ts. */
export const shortcutsEn = {
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.intro':
    'These work on every screen. While you type in a field, “?” is just a question mark: use F1 instead.',
  'shortcuts.column.action': 'Action',
  'shortcuts.column.keys': 'Keys',
  'shortcuts.focusLockId': 'Go to the lock ID field',
  'shortcuts.release': 'Release the lock in the lock ID field (you confirm first)',
  'shortcuts.profilePicker': 'Go to the profile picker',
  'shortcuts.selectProfile': 'Switch to the 1st to 9th profile',
  'shortcuts.history': 'Open the history',
  'shortcuts.batch': 'Open batch release',
  'shortcuts.inspect': 'Inspect a user’s backup records',
  'shortcuts.diagnostics': 'Open diagnostics',
  'shortcuts.help': 'Show this list',
  'shortcuts.closeDialog': 'Close a dialog or this list',
  'shortcuts.or': 'or',
  'shortcuts.close': 'Close',
  'shortcuts.profileSwitched': 'Switched to profile “{name}” ({environment}).',
} as const;
