import { describe, expect, it } from 'vitest';
import {
  SecretDestinationError,
  destinationChanged,
  openSecret,
  profileSecretState,
  readProfileSecret,
  sealSecret,
  storeProfileSecret,
} from '../../../../electron/core/secrets/boundSecret';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memorySecretStore';
import type { Profile } from '../../../../shared/profile';

const SECRET = 'app-secret-7f3a9c';
const profile: Profile = {
  id: 'tenant',
  name: 'Tenant',
  baseUrl: 'https://intl.myhuaweicloud-koodrive.com/prefix',
  authMode: 'app',
  appId: 'app-1',
  environment: 'production',
  moduleCode: '102',
};

function refusal(stored: string, changed: Profile): SecretDestinationError {
  try {
    openSecret(stored, changed);
  } catch (error) {
    if (error instanceof SecretDestinationError) return error;
    throw error;
  }
  throw new Error('the secret was opened for a changed destination');
}

describe('a secret bound to its destination', () => {
  it('opens for the profile it was stored for, and for edits that do not change where it goes', () => {
    const stored = sealSecret(SECRET, profile);
    expect(openSecret(stored, profile)).toBe(SECRET);
    expect(openSecret(stored, { ...profile, name: 'Renamed', environment: 'staging', moduleCode: '100' })).toBe(SECRET);
    expect(openSecret(stored, { ...profile, baseUrl: 'https://intl.myhuaweicloud-koodrive.com/prefix/' })).toBe(SECRET);
    expect(openSecret(stored, { ...profile, userId: '42' })).toBe(SECRET);
  });

  it.each([
    ['another host', { baseUrl: 'https://evil.example.com/prefix' }, 'base URL'],
    ['another path prefix', { baseUrl: 'https://intl.myhuaweicloud-koodrive.com/other' }, 'base URL'],
    ['another port', { baseUrl: 'https://intl.myhuaweicloud-koodrive.com:8443/prefix' }, 'base URL'],
    ['bearer instead of app', { authMode: 'bearer' as const, userId: '1' }, 'authentication mode'],
    ['another App ID', { appId: 'app-2' }, 'App ID'],
    ['a proxy', { proxyUrl: 'http://proxy.example.com:3128' }, 'proxy'],
    ['an extra CA', { caPem: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----' }, 'CA certificate'],
  ])('is refused after a change to %s, naming what changed and never the secret', (_what, change, word) => {
    const error = refusal(sealSecret(SECRET, profile), { ...profile, ...change });
    expect(error.changed).toContain(word);
    expect(error.message).toContain('Enter the secret again for the new destination');
    expect(error.message).not.toContain(SECRET);
  });

  it('a bearer prefix change is a change of how the token is sent', () => {
    const bearer: Profile = { ...profile, authMode: 'bearer', appId: undefined, userId: '1' };
    expect(refusal(sealSecret(SECRET, bearer), { ...bearer, bearerPrefix: 'Token' }).changed).toEqual([
      'authorization prefix',
    ]);
  });

  it('an entry without a destination (written by an earlier version, or by hand) is never used', () => {
    expect(refusal(SECRET, profile).changed[0]).toMatch(/earlier version/);
    expect(refusal('{"secret":"x"}', profile)).toBeInstanceOf(SecretDestinationError);
  });

  it('through a store: stored, read back, reported unusable once the profile points elsewhere', async () => {
    const store = createMemorySecretStore();
    expect(await readProfileSecret(store, profile)).toBeNull();
    expect(await profileSecretState(store, profile)).toEqual({ stored: false, usable: false });
    await storeProfileSecret(store, profile, SECRET);
    expect(await readProfileSecret(store, profile)).toBe(SECRET);
    const moved = { ...profile, baseUrl: 'https://evil.example.com' };
    expect(await profileSecretState(store, moved)).toEqual({ stored: true, usable: false });
    await expect(readProfileSecret(store, moved)).rejects.toBeInstanceOf(SecretDestinationError);
  });

  it('destinationChanged tells a save that re-points the secret from one that does not', () => {
    expect(destinationChanged(profile, { ...profile, name: 'X' })).toBe(false);
    expect(destinationChanged(profile, { ...profile, baseUrl: 'https://cn.myhuaweicloud-koodrive.com/prefix' })).toBe(
      true,
    );
  });
});
