/**
 * English strings. Keys are grouped by screen ("lockForm.", "profile.") and name a purpose, not the
 * English wording, so a translation (e.g. zh-CN) can be added as a table with the same keys.
 * Placeholders are {named}; never build a sentence by concatenating entries.
 */
import { enBatch } from './enBatch';
import { enComfort } from './enComfort';
import { enDiagnostics } from './enDiagnostics';
import { enHistory } from './enHistory';
import { enUsers } from './enUsers';

export const en = {
  ...enBatch,
  ...enHistory,
  ...enDiagnostics,
  ...enComfort,
  ...enUsers,
  'app.title': 'KooDrive Lock Admin',
  'app.loading': 'Loading profiles…',
  'error.noBridge':
    'This page only works inside the KooDrive Lock Admin app: the connection to the app is missing. Start the app and try again.',

  'nav.label': 'Main',
  'nav.locks': 'Locks',
  'nav.profiles': 'Profiles',
  'nav.batch': 'Batch',
  'nav.history': 'History',
  'nav.diagnostics': 'Diagnostics',
  'nav.settings': 'Settings',

  'common.cancel': 'Cancel',
  'common.dismiss': 'Dismiss',

  'ipcError.invalid-argument': 'The input was rejected',
  'ipcError.forbidden-sender': 'Request refused',
  'ipcError.unknown-method': 'Not supported',
  'ipcError.not-found': 'Not found',
  'ipcError.keychain-unavailable': 'The keychain is not available',
  'ipcError.storage': 'Could not save',
  'ipcError.internal': 'Something went wrong',

  'firstRun.title': 'Release stuck KooDrive backup locks',
  'firstRun.what':
    'When a KooDrive backup client crashes it can leave its backup lock behind, and the next backup of that user fails until the lock expires. Paste the lock ID here to release it, and read in plain words what the server answered.',
  'firstRun.secret':
    'Your access token or app secret is kept in the operating system’s keychain. It is never written to a file and never shown again.',
  'firstRun.sandbox.title': 'Practise first',
  'firstRun.sandbox.text':
    'Start a KooDrive sandbox on this computer, with a few stuck locks to release. Nothing leaves your machine.',
  'firstRun.sandbox.action': 'Try it with the local sandbox',
  'firstRun.sandbox.starting': 'Starting the sandbox…',
  'firstRun.profile.title': 'Connect to KooDrive',
  'firstRun.profile.text':
    'Enter the tenant’s server and its app ID and app secret (to act for any user), or one user’s bearer token.',
  'firstRun.profile.action': 'Add a KooDrive profile',

  'locks.title': 'Release a backup lock',
  'locks.subtitle':
    'Pick the profile, enter the user and paste the lock ID, then press Enter. You confirm before anything is sent.',
  'locks.formLabel': 'Lock operation',
  'locks.release': 'Release lock…',
  'locks.renew': 'Renew lock…',

  'lockForm.profile': 'Profile',
  'lockForm.host': 'Host',
  'lockForm.userId': 'User ID',
  'lockForm.lockId': 'Lock ID',
  'lockForm.lockIdPlaceholder': '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
  'lockForm.lockIdHelp': 'From the backup client’s log or the support ticket. Surrounding spaces are removed.',

  'sandbox.running': 'Local sandbox running at {host}.',
  'sandbox.stopped': 'The local sandbox is not running.',
  'sandbox.start': 'Start sandbox',
  'sandbox.stop': 'Stop sandbox',

  'stuck.title': 'Stuck locks in the sandbox',
  'stuck.help': 'Choose one to put its user and lock ID into the fields.',
  'stuck.none': 'The sandbox holds no locks right now. Create one below to practise again.',

  'create.summary': 'Create a lock',
  'create.help':
    'Takes a new backup lock for this profile’s user. Backups of that module wait until the lock is released or expires after 10 minutes.',
  'create.module': 'Module',
  'create.action': 'Create lock…',

  'module.option': '{code} – {label}',
  'module.custom': '{code} – other module',

  'confirm.profile': 'Profile',
  'confirm.host': 'Host',
  'confirm.userId': 'User ID',
  'confirm.lockId': 'Lock ID',
  'confirm.moduleCode': 'Module code',
  'confirm.release.title': 'Release this lock?',
  'confirm.release.body':
    'If a backup is still running with this lock, it will fail. Release only a lock that is stuck.',
  'confirm.release.action': 'Release lock',
  'confirm.renew.title': 'Renew this lock?',
  'confirm.renew.body': 'The lock stays held for another 10 minutes.',
  'confirm.renew.action': 'Renew lock',
  'confirm.create.title': 'Create a lock?',
  'confirm.create.body':
    'Backups of this user and module cannot start until the lock is released or expires after 10 minutes.',
  'confirm.create.action': 'Create lock',

  'inflight.release': 'Releasing the lock…',
  'inflight.renew': 'Renewing the lock…',
  'inflight.create': 'Creating a lock…',
  'inflight.cancel': 'Cancel request',
  'inflight.cancelling': 'Cancelling…',

  'operation.release': 'Release',
  'operation.renew': 'Renew',
  'operation.create': 'Create',

  'resultTitle.success.release': 'Released',
  'resultTitle.success.renew': 'Renewed',
  'resultTitle.success.create': 'Lock created',
  'resultTitle.auth': 'Authentication failed',
  'resultTitle.clock': 'Clock out of sync',
  'resultTitle.not-found': 'Lock not found',
  'resultTitle.conflict': 'Lock held by another client',
  'resultTitle.throttled': 'Too many requests',
  'resultTitle.server': 'Server error',
  'resultTitle.network': 'Could not connect',
  'resultTitle.tls': 'Secure connection failed',
  'resultTitle.timeout': 'Timed out',
  'resultTitle.invalid-response': 'Unexpected response',
  'resultTitle.invalid-input': 'Invalid input',
  'resultTitle.cancelled': 'Cancelled',
  'resultTitle.destination-changed': 'Secret stored for another destination',
  'resultTitle.proxy-auth': 'Proxy authentication failed',

  'result.operationFor': '{operation} · profile {profile} · user {userId}',
  'result.lockId': 'Lock ID',
  'result.host': 'Host',
  'result.httpStatus': 'HTTP status',
  'result.code': 'Server code',
  'result.msg': 'Server message',
  'result.duration': 'Duration',
  'result.durationValue': '{ms} ms',
  'result.requestId': 'Request ID',
  'result.none': '—',
  'result.noResponse': 'No response',
  'result.copy': 'Copy details',
  'result.copied': 'Details copied to the clipboard.',
  'result.copyFailed': 'Could not copy. Select the details and copy them by hand.',

  'summary.heading': 'KooDrive Lock Admin – lock operation report',
  'summary.operation': 'Operation',
  'summary.outcome': 'Outcome',
  'summary.time': 'Time (UTC)',
  'summary.profile': 'Profile',
  'summary.userId': 'User ID',
  'summary.host': 'Host',
  'summary.lockId': 'Lock ID',
  'summary.httpStatus': 'HTTP status',
  'summary.code': 'Server code',
  'summary.msg': 'Server message',
  'summary.requestId': 'Request ID',
  'summary.duration': 'Duration',
  'summary.serverDate': 'Server date',
  'summary.remedy': 'What to do',

  'profiles.listTitle': 'Profiles',
  'profiles.unsaved': 'New profile',
  'profiles.add': 'Add profile',

  'profile.newTitle': 'New profile',
  'profile.editTitle': 'Profile “{name}”',
  'profile.group.connection': 'Connection',
  'profile.group.auth': 'Authentication',
  'profile.group.defaults': 'Defaults',
  'profile.name': 'Name',
  'profile.name.help': 'How this profile appears in the lock form, e.g. “Production (intl)”.',
  'profile.baseUrl': 'Base URL',
  'profile.baseUrl.help': 'The KooDrive server, starting with https://. Choose a known one or type your own.',
  'profile.userId': 'User ID',
  'profile.userId.help': 'The KooDrive internal user ID (digits only) the bearer token belongs to, sent as X-User-Id.',
  'profile.authMode': 'Authentication method',
  'profile.authMode.bearer': 'Bearer token',
  'profile.authMode.bearer.help': 'An access token, sent in the Authorization header.',
  'profile.authMode.app': 'App ID and app secret',
  'profile.authMode.app.help': 'Each request is signed with HMAC-SHA256; the secret itself is never sent.',
  'profile.appId': 'App ID',
  'profile.appId.help': 'The AppId from the KooDrive console.',
  'profile.bearerPrefix': 'Authorization prefix',
  'profile.bearerPrefix.help': 'Leave empty to send the usual “Bearer”.',
  'profile.moduleCode': 'Default module',
  'profile.moduleCode.help': 'Used when you create a lock with this profile.',
  'profile.group.network': 'Advanced network',
  'profile.network.title': 'Proxy and CA certificate',
  'profile.network.default': 'Direct connection with the system’s certificates (HTTPS_PROXY and NO_PROXY apply)',
  'profile.network.viaProxy': 'Through {proxy}',
  'profile.network.caCount.one': '1 extra CA certificate',
  'profile.network.caCount.other': '{count} extra CA certificates',
  'profile.proxyUrl': 'HTTP proxy',
  'profile.proxyUrl.help':
    'Only if your network needs one: http://host:port. HTTPS is tunnelled through it (CONNECT). Leave empty to use HTTPS_PROXY and NO_PROXY from the environment, or to connect directly.',
  'profile.caPem': 'Extra CA certificate (PEM)',
  'profile.caPem.help':
    'Only if your company inspects TLS traffic: its CA certificate, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----. It is trusted for this profile only, on top of the system’s certificates.',
  'profile.caPem.load': 'Load from file…',
  'profile.caPem.remove': 'Remove certificate',
  'profile.caPem.fileLoaded': 'Loaded {name}. Save the profile to keep it.',
  'profile.caPem.fileTooLarge':
    '{name} is larger than 256 KB, too large for a CA certificate. Choose the PEM file of the CA.',
  'profile.caPem.fileUnreadable': '{name} could not be read. Choose a PEM text file (.pem or .crt).',
  'profile.save': 'Save profile',
  'profile.saving': 'Saving…',
  'profile.saved': 'Profile “{name}” saved.',
  'profile.savedWithoutSecret': 'Profile “{name}” saved, but its secret was not stored. See the message above.',
  'profile.openLocks': 'Use in lock form',
  'profile.delete': 'Delete profile…',
  'profile.deleteConfirm.title': 'Delete profile “{name}”?',
  'profile.deleteConfirm.body': 'The profile and its secret in the keychain are removed from this computer.',
  'profile.deleteConfirm.action': 'Delete profile',

  'secret.label.bearer': 'Access token',
  'secret.label.app': 'App secret',
  'secret.badge.stored': 'Secret stored in {store}',
  'secret.badge.none': 'No secret stored',
  'secret.badge.otherDestination': 'Secret stored for another destination: enter it again',
  'secret.cleared': 'The connection changed, so the stored secret was removed: enter the token or app secret again.',
  'secret.badge.unknown': 'Checking the keychain…',
  'secret.placeholder.new': 'Paste the secret',
  'secret.placeholder.replace': 'Leave empty to keep the stored secret',
  'secret.help':
    'Stored in the keychain when you save the profile, then cleared from this form. It is never shown again.',
  'secret.remove': 'Remove secret',
  'secret.removed': 'Secret removed from the keychain.',

  'form.fieldProblem': '{label} {problem}.',
} as const;

export type MessageKey = keyof typeof en;
