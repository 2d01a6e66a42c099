/** English strings of the shortcuts, recent lock IDs and settings screens; merged into en.ts. Keys are prefixed by screen. */
export const enComfort = {
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
  'shortcuts.diagnostics': 'Open diagnostics',
  'shortcuts.help': 'Show this list',
  'shortcuts.closeDialog': 'Close a dialog or this list',
  'shortcuts.or': 'or',
  'shortcuts.close': 'Close',
  'shortcuts.profileSwitched': 'Switched to profile “{name}” ({environment}).',

  'recent.title': 'Recent lock IDs',
  'recent.clear': 'Clear recent',
  'recent.cleared': 'Recent lock IDs of this profile cleared.',

  'settings.title': 'Settings',
  'settings.subtitle': 'These choices are kept on this computer only.',
  'settings.language': 'Language',
  'settings.language.system': 'Same as the system',
  'settings.language.help':
    'Some messages stay in English whatever the language: what to do after a failure, input checks and what the server said.',
  'settings.theme': 'Theme',
  'settings.theme.system': 'Same as the system',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.recent': 'Recent lock IDs',
  'settings.recent.help':
    'The lock form offers the last 10 lock IDs released or renewed with each profile. Only lock IDs and profile IDs are kept, never a secret.',
  'settings.recent.clear': 'Clear recent lock IDs',
  'settings.recent.cleared': 'Recent lock IDs of all profiles cleared.',
  'settings.recent.none': 'No recent lock IDs are stored.',
  'settings.shortcuts': 'Keyboard shortcuts',
  'settings.shortcuts.help': 'Press ? or F1 on any screen to see them.',
  'settings.shortcuts.show': 'Show keyboard shortcuts',
} as const;
