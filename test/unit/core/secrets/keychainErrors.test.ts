import { describe, expect, test } from 'vitest';
import {
  classifyKeychainFailure,
  keychainAdvice,
  keychainLabel,
  keytarLoadError,
  safeDetail,
  translateKeychainError,
} from '../../../../electron/core/secrets/keychainErrors';
import { SecretStoreError } from '../../../../electron/core/secrets/secretStore';

describe('classifyKeychainFailure', () => {
  // Messages recorded from keytar 7.9 / libsecret on Debian, and from Security.framework and Win32.
  test.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'unavailable'],
    ['The given address is empty', 'unavailable'],
    ['Could not connect: No such file or directory', 'unavailable'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'unavailable'],
    ['A default keychain could not be found.', 'unavailable'],
    ['A specified logon session does not exist. It may already have been terminated.', 'unavailable'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['User interaction is not allowed.', 'locked'],
    ['The user name or passphrase you entered is not correct.', 'locked'],
    ['Timeout was reached', 'locked'],
    ['The stub received bad data.', 'failed'],
    ['something nobody has seen before', 'failed'],
  ] as const)('%s -> %s', (message, failure) => {
    expect(classifyKeychainFailure(message)).toBe(failure);
  });
});

describe('translateKeychainError', () => {
  test('a missing D-Bus session on Linux becomes "unavailable" with install advice and the details', () => {
    const error = translateKeychainError(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'), {
      action: 'save',
      platform: 'linux',
    });
    expect(error).toBeInstanceOf(SecretStoreError);
    expect(error.failure).toBe('unavailable');
    expect(error.message).toContain('Secret Service (GNOME Keyring / KWallet)');
    expect(error.message).toContain('sudo apt install gnome-keyring libsecret-1-0');
    expect(error.message).toContain('gnome-keyring-daemon --unlock');
    expect(error.message).toContain('not saved anywhere else');
    expect(error.message).toContain('(Details: Cannot autolaunch D-Bus without X11 $DISPLAY)');
  });

  test('a missing login collection on Linux becomes "locked" with unlock advice', () => {
    const error = translateKeychainError(
      new Error('Object does not exist at path “/org/freedesktop/secrets/collection/login”'),
      { action: 'save', platform: 'linux' },
    );
    expect(error.failure).toBe('locked');
    expect(error.message).toMatch(/locked or has no default \("login"\) collection/);
    expect(error.message).toContain('Log in to a desktop session');
  });

  test('macOS and Windows get their own label and advice', () => {
    const mac = translateKeychainError(new Error('User interaction is not allowed.'), {
      action: 'read',
      platform: 'darwin',
    });
    expect(mac.failure).toBe('locked');
    expect(mac.message).toContain('macOS Keychain');
    expect(mac.message).toContain('Keychain Access');
    expect(mac.message).not.toContain('gnome-keyring');
    const win = translateKeychainError(new Error('A specified logon session does not exist.'), {
      action: 'delete',
      platform: 'win32',
    });
    expect(win.failure).toBe('unavailable');
    expect(win.message).toContain('Windows Credential Manager');
    expect(win.message).toMatch(/^Could not delete the secret/);
  });

  test('the secret never appears in the message, even when the underlying error quotes it', () => {
    const secret = 'tok-9f8e7d6c5b4a';
    const error = translateKeychainError(new Error(`failed to store "${secret}" in collection`), {
      action: 'save',
      platform: 'linux',
      secret,
    });
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain('[redacted]');
  });

  test('a SecretStoreError passes through unchanged', () => {
    const original = new SecretStoreError('locked', 'already explained');
    expect(translateKeychainError(original, { action: 'read', platform: 'linux' })).toBe(original);
  });

  test('non-Error values are described without crashing', () => {
    expect(translateKeychainError(undefined, { action: 'read', platform: 'linux' }).message).toContain('unknown error');
  });
});

describe('safeDetail', () => {
  test('keeps one bounded line', () => {
    const detail = safeDetail(new Error(`line one\nline two\u0000${'x'.repeat(500)}`));
    expect(detail.includes('\n') || detail.includes('\u0000')).toBe(false);
    expect(detail.length).toBeLessThanOrEqual(201);
    expect(detail.startsWith('line one line two')).toBe(true);
  });
});

describe('labels and load errors', () => {
  test('labels per platform', () => {
    expect(keychainLabel('linux')).toBe('Secret Service (GNOME Keyring / KWallet)');
    expect(keychainLabel('freebsd')).toBe('Secret Service (GNOME Keyring / KWallet)');
    expect(keychainLabel('darwin')).toBe('macOS Keychain');
    expect(keychainLabel('win32')).toBe('Windows Credential Manager');
  });

  test('advice differs per failure', () => {
    const failures = ['unavailable', 'locked', 'failed'] as const;
    const texts = new Set(failures.map((failure) => keychainAdvice(failure, 'linux')));
    expect(texts.size).toBe(3);
  });

  test('a keytar that cannot be loaded is "unavailable" and says how to rebuild it', () => {
    const error = keytarLoadError(new Error("Cannot find module '../build/Release/keytar.node'"), 'linux');
    expect(error.failure).toBe('unavailable');
    expect(error.message).toContain('libsecret-1-dev');
    expect(error.message).toContain('keytar.node');
  });
});
