import type { SecretServiceState } from './secretServiceProbe';
import { SecretStoreError, type SecretStoreFailure } from './secretStore';

/** What the caller was doing when the keychain failed, for the first words of the message. */
export type KeychainAction = 'read' | 'save' | 'delete';

export function keychainLabel(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service (GNOME Keyring / KWallet)';
}

// Texts from libsecret/GDBus (Linux), Security.framework (macOS) and the Win32 credential API.
const UNAVAILABLE_PATTERNS = [
  /cannot autolaunch d-bus/i,
  /the given address is empty/i,
  /could not connect/i,
  /connection refused/i,
  /was not provided by any \.service files/i,
  /serviceunknown/i,
  /failed to execute child process/i,
  /no such interface/i,
  /a default keychain could not be found/i,
  /the specified keychain could not be found/i,
  /logon session does not exist/i,
];

const LOCKED_PATTERNS = [
  /object does not exist at path/i,
  /\blocked\b/i,
  /cancel+ed/i,
  /dismissed/i,
  /prompt/i,
  /timeout was reached/i,
  /did not receive a reply/i,
  /user interaction is not allowed/i,
  /passphrase you entered is not correct/i,
];

export function classifyKeychainFailure(detail: string): SecretStoreFailure {
  if (UNAVAILABLE_PATTERNS.some((pattern) => pattern.test(detail))) return 'unavailable';
  if (LOCKED_PATTERNS.some((pattern) => pattern.test(detail))) return 'locked';
  return 'failed';
}

const LINUX_UNAVAILABLE =
  'No Secret Service is running on the D-Bus session bus. Install and start GNOME Keyring or the Secret Service ' +
  'of KWallet (for example `sudo apt install gnome-keyring libsecret-1-0`) and run the app from a desktop session. ' +
  'Without a desktop session, start one with `dbus-run-session` and unlock a keyring with ' +
  '`gnome-keyring-daemon --unlock --components=secrets` (it reads the password from stdin).';

const LINUX_LOCKED =
  'The keyring is locked or has no default ("login") collection. Log in to a desktop session, or open ' +
  'Passwords and Keys (Seahorse) or KWallet Manager and unlock or create the login keyring. Without a desktop ' +
  'session, start `gnome-keyring-daemon --unlock --components=secrets` and type the keyring password on stdin.';

const ADVICE: Record<'linux' | 'darwin' | 'win32', Record<SecretStoreFailure, string>> = {
  linux: {
    unavailable: LINUX_UNAVAILABLE,
    locked: LINUX_LOCKED,
    failed: 'Check that GNOME Keyring or KWallet is running and unlocked, then try again.',
  },
  darwin: {
    unavailable: 'Open Keychain Access and check that your login keychain exists and is the default keychain.',
    locked:
      'Your login keychain is locked or access was refused. Unlock it in Keychain Access, allow access when macOS ' +
      'asks, and try again.',
    failed: 'Open Keychain Access, check that the login keychain is unlocked, and try again.',
  },
  win32: {
    unavailable:
      'Windows Credential Manager needs a logged-in user profile. Log in as a normal (not temporary) user and check ' +
      'that the Credential Manager service is running.',
    locked: 'Windows Credential Manager refused access. Log in again as the same user and try again.',
    failed: 'Open Credential Manager (Control Panel > Credential Manager) and check it works, then try again.',
  },
};

export function keychainAdvice(failure: SecretStoreFailure, platform: NodeJS.Platform): string {
  const table = platform === 'darwin' || platform === 'win32' ? ADVICE[platform] : ADVICE.linux;
  return table[failure];
}

const HEADLINE: Record<SecretStoreFailure, string> = {
  unavailable: 'is not available',
  locked: 'is locked',
  failed: 'reported an error',
};

const ACTION_WORDS: Record<KeychainAction, string> = {
  read: 'Could not read the secret',
  save: 'Could not save the secret',
  delete: 'Could not delete the secret',
};

/** The underlying error text, made safe to show: one line, bounded, and never containing the secret. */
export function safeDetail(error: unknown, secret?: string): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  const redacted = secret ? raw.split(secret).join('[redacted]') : raw;
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const oneLine = redacted.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}

export interface KeychainErrorContext {
  action: KeychainAction;
  platform: NodeJS.Platform;
  /** The secret involved, if any, so that it can be removed from the details. */
  secret?: string;
}

export function translateKeychainError(error: unknown, context: KeychainErrorContext): SecretStoreError {
  if (error instanceof SecretStoreError) return error;
  const detail = safeDetail(error, context.secret);
  const failure = classifyKeychainFailure(detail);
  const label = keychainLabel(context.platform);
  const notSaved = context.action === 'save' ? ' The secret was not saved anywhere else.' : '';
  const message =
    `${ACTION_WORDS[context.action]}: the OS keychain, ${label}, ${HEADLINE[failure]}. ` +
    `${keychainAdvice(failure, context.platform)}${notSaved} (Details: ${detail})`;
  return new SecretStoreError(failure, message);
}

/** The native keytar module could not be loaded (not built, wrong ABI, libsecret missing). */
export function keytarLoadError(error: unknown, platform: NodeJS.Platform): SecretStoreError {
  const rebuild =
    platform === 'linux'
      ? 'Reinstall the app; when running from source, install libsecret (`sudo apt install libsecret-1-dev`) and ' +
        'reinstall the dependencies so keytar is rebuilt.'
      : 'Reinstall the app; when running from source, reinstall the dependencies so keytar is rebuilt.';
  return new SecretStoreError(
    'unavailable',
    `The keychain module (keytar) could not be loaded, so secrets cannot be stored or read. ${rebuild} ` +
      `(Details: ${safeDetail(error)})`,
  );
}

const STATE_WORDS: Partial<Record<SecretServiceState, { failure: SecretStoreFailure; words: string }>> = {
  locked: { failure: 'locked', words: 'is locked, so it cannot tell whether a secret is stored' },
  'no-collection': {
    failure: 'locked',
    words: 'has no default ("login") collection, so it cannot tell whether a secret is stored',
  },
  'no-service': { failure: 'unavailable', words: 'is not available' },
};

/**
 * A lookup found nothing and the Secret Service says why (secretServiceProbe.ts): an error for a locked keychain,
 * a missing default collection or no service at all; null when "nothing" really means absent (or is unknown).
 */
export function keychainStateError(
  state: SecretServiceState,
  action: 'read' | 'delete',
  platform: NodeJS.Platform,
): SecretStoreError | null {
  const known = STATE_WORDS[state];
  if (!known) return null;
  const message =
    `${ACTION_WORDS[action]}: the OS keychain, ${keychainLabel(platform)}, ${known.words}. ` +
    keychainAdvice(known.failure, platform);
  return new SecretStoreError(known.failure, message);
}
