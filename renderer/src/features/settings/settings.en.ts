/** English strings of the settings screen; merged into the catalogue by i18n/en.ts. */
export const settingsEn = {
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
  'settings.time': 'Show times in',
  'settings.time.local': 'Local time',
  'settings.time.utc': 'UTC',
  'settings.time.help':
    'History, results, batches and backup records follow this at once, for example {example}; hover over a time for its ISO 8601 UTC form. CSV exports always use UTC (ISO 8601).',
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
