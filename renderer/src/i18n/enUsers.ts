/**
 * English strings for acting on any user and for environment identity (the user per operation, the
 * environment band, (user, lock) batches, outcomes); merged into en.ts.
 */
export const enUsers = {
  'environment.production': 'Production',
  'environment.staging': 'Staging',
  'environment.sandbox': 'Sandbox',
  'environment.other': 'Other',
  'environment.profile': 'Profile: {profile}',
  'window.title': '{profile} ({environment}) – KooDrive Lock Admin',

  'confirm.environment': 'Environment',
  'confirm.production': 'This goes to {environment}: real users’ backups depend on these locks.',
  'confirm.module': 'Module',

  'module.name.100': 'Folders',
  'module.name.101': 'Album (photos)',
  'module.name.102': 'Contacts',
  'module.named': '{name} ({code})',
  'module.unknown': 'module {code}',

  'lockForm.environment': 'Environment',
  'lockForm.module': 'Module: {module}',
  'lockForm.userId.bearer':
    'Fixed: a bearer token acts only for its own user. To act for other users, use an app profile.',
  'lockForm.userId.appDefault':
    'The end user the lock belongs to (from the ticket), sent as X-User-Id. The profile’s default is {userId}.',
  'lockForm.userId.appNoDefault': 'The end user the lock belongs to (from the ticket), sent as X-User-Id.',

  'stuck.user': 'user {userId}',
  'stuck.pick': 'Lock {lockId} of user {userId} {module}',
  'stuck.more': 'And {count} more.',

  'result.userId': 'User ID',
  'result.module': 'Module',
  'result.environment': 'Environment',
  'result.stale':
    'Earlier result, for profile “{profile}” and user {userId}: it does not describe the profile and user chosen now.',
  'summary.environment': 'Environment',
  'summary.module': 'Module',

  'profile.environment': 'Environment',
  'profile.environment.help':
    'Shown on every screen and in every confirmation. Production asks for more care before sending. Default: from the host.',
  'profile.userId.app': 'Default user ID (optional)',
  'profile.userId.appHelp':
    'An app profile acts for any user of the tenant: the user is chosen for each operation. This one is filled in first.',

  'batch.summary.binary': 'Not a text file: nothing accepted.',
  'batch.summary.list': '{count} lock IDs from a list, no user column',
  'batch.summary.lockOnly': '{count} rows: lock from {lock}, no user column',
  'batch.summary.userAndLock': '{count} rows: user from {user}, lock from {lock}',
  'batch.summary.columnNamed': 'column {name}',
  'batch.summary.columnNumber': 'column {number}',
  'batch.summary.duplicates': '{count} repeated rows sent once',
  'batch.summary.invalid': '{count} invalid',
  'batch.summary.unusual': '{count} unusual',
  'batch.summary.separator': '; ',
  'batch.count.users': '{count} locks of {users} users ready.',
  'batch.unusual.allow': 'Accept IDs without the usual shape',
  'batch.unusual.help':
    'Off: anything that does not look like <uuid>@<moduleCode> is listed as invalid (stray words, numbers, headers). Turn on only for lock IDs of another shape.',
  'batch.user.label': 'User for rows without one',
  'batch.user.helpDefault':
    'One user for the whole batch when the rows have no user column. Empty: the profile’s default user {userId}.',
  'batch.user.helpNoDefault':
    'One user for the whole batch when the rows have no user column. Required then: this profile has no default user.',
  'batch.user.needed.one': '1 row has no user: enter the user for rows without one, or add a userId column.',
  'batch.user.needed.other': '{count} rows have no user: enter the user for rows without one, or add a userId column.',
  'batch.invalid.blocks.one': 'Nothing is sent while 1 row is invalid: correct it, or choose to skip it.',
  'batch.invalid.blocks.other': 'Nothing is sent while {count} rows are invalid: correct them, or choose to skip them.',
  'batch.invalid.skip.one': 'Skip the invalid row and send the rest',
  'batch.invalid.skip.other': 'Skip the {count} invalid rows and send the rest',
  'batch.confirm.users': 'Users',
  'batch.confirm.usersCount': '{count} different users',
  'batch.confirm.typeCount': 'Type the number of locks ({count}) to confirm',
  'batch.confirm.typeCount.help': 'A large batch to {environment} is sent only after you type how many locks it holds.',
  'batch.outcome.label': 'Results by outcome (choose one to show only those)',
  'batch.outcome.all': 'All',
  'batch.outcome.released': 'Released',
  'batch.outcome.already-gone': 'Already gone',
  'batch.outcome.retryable': 'Retryable',
  'batch.outcome.needs-fix': 'Needs a fix',
  'batch.outcome.cancelled': 'Cancelled',
  'batch.results.noneOfOutcome': 'No results with this outcome.',
  'batch.results.userId': 'User ID',
  'batch.results.showInHistory': 'Show in History',

  'history.filter.userId': 'User ID',
  'history.filter.batchId': 'Batch ID',
  'history.col.userId': 'User',
  'history.col.batch': 'Batch',
  'history.detail.userId': 'User ID',
  'history.detail.environment': 'Environment',
  'history.detail.batchId': 'Batch ID',
  'history.detail.profileNamed': '{name} ({id})',
} as const;
