/**
 * A secret is bound to the destination it was stored for. The keychain entry holds the secret together
 * with that destination (base URL, auth mode, App ID, bearer prefix, proxy, CA fingerprint), so whoever
 * can write profiles.json — but not the keychain — cannot re-point a stored token at another host, or
 * turn an App secret into a bearer token. Before every use the destination is compared with the
 * profile as it is now; any difference refuses the secret. The threat model is in docs/security.md.
 */
import { createHash } from 'node:crypto';
import type { Profile } from '../../../shared/profile';
import type { SecretStore } from './secretStore';

/** Everything about a profile that decides where its secret goes and how it is sent. */
export interface SecretDestination {
  /** The base URL as the requests use it: origin plus path prefix, without a trailing slash. */
  baseUrl: string;
  authMode: Profile['authMode'];
  appId: string | null;
  bearerPrefix: string | null;
  /** The proxy's origin, or null for none. */
  proxy: string | null;
  /** SHA-256 of the profile's extra CA certificates, or null for none. */
  caSha256: string | null;
}

const FIELD_WORDS: Record<keyof SecretDestination, string> = {
  baseUrl: 'base URL',
  authMode: 'authentication mode',
  appId: 'App ID',
  bearerPrefix: 'authorization prefix',
  proxy: 'proxy',
  caSha256: 'CA certificate',
};

const ENVELOPE_MARK = 'koodrive-lock-admin/secret-v1';

interface Envelope {
  kind: typeof ENVELOPE_MARK;
  secret: string;
  destination: SecretDestination;
}

/** The stored secret cannot be used for this profile as it is now; nothing may be sent with it. */
export class SecretDestinationError extends Error {
  constructor(
    /** What differs, in words ("base URL", "proxy"), or why the entry has no destination. */
    readonly changed: readonly string[],
    profileName: string,
  ) {
    super(
      `The profile "${profileName}" now points elsewhere than when its secret was stored (changed: ${changed.join(', ')}), so the secret was not used and nothing was sent. Enter the secret again for the new destination.`,
    );
    this.name = 'SecretDestinationError';
  }
}

function normalisedBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl.trim());
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return baseUrl.trim();
  }
}

function proxyOrigin(proxyUrl: string | undefined): string | null {
  if (!proxyUrl) return null;
  try {
    return new URL(proxyUrl).origin;
  } catch {
    return proxyUrl;
  }
}

export function destinationOf(profile: Profile): SecretDestination {
  const app = profile.authMode === 'app';
  return {
    baseUrl: normalisedBaseUrl(profile.baseUrl),
    authMode: profile.authMode,
    appId: app ? (profile.appId ?? null) : null,
    bearerPrefix: app ? null : (profile.bearerPrefix ?? 'Bearer'),
    proxy: proxyOrigin(profile.proxyUrl),
    caSha256: profile.caPem ? createHash('sha256').update(profile.caPem.trim()).digest('hex') : null,
  };
}

/** The fields in which two destinations differ, in words; empty when they are the same. */
export function destinationChanges(stored: SecretDestination, current: SecretDestination): string[] {
  return (Object.keys(FIELD_WORDS) as (keyof SecretDestination)[])
    .filter((field) => stored[field] !== current[field])
    .map((field) => FIELD_WORDS[field]);
}

/** True when saving `next` over `previous` sends the secret somewhere else (or differently). */
export function destinationChanged(previous: Profile, next: Profile): boolean {
  return destinationChanges(destinationOf(previous), destinationOf(next)).length > 0;
}

export function sealSecret(secret: string, profile: Profile): string {
  const envelope: Envelope = { kind: ENVELOPE_MARK, secret, destination: destinationOf(profile) };
  return JSON.stringify(envelope);
}

function parseEnvelope(stored: string): Envelope | null {
  if (!stored.startsWith('{')) return null;
  try {
    const value = JSON.parse(stored) as Partial<Envelope> | null;
    if (value?.kind !== ENVELOPE_MARK || typeof value.secret !== 'string') return null;
    if (typeof value.destination !== 'object' || value.destination === null) return null;
    return value as Envelope;
  } catch {
    return null;
  }
}

/** The secret in a stored entry, for this profile only; throws SecretDestinationError otherwise. */
export function openSecret(stored: string, profile: Profile): string {
  const envelope = parseEnvelope(stored);
  if (!envelope) {
    throw new SecretDestinationError(
      ['it was stored by an earlier version, without the destination it is for'],
      profile.name,
    );
  }
  const changed = destinationChanges(envelope.destination, destinationOf(profile));
  if (changed.length > 0) throw new SecretDestinationError(changed, profile.name);
  return envelope.secret;
}

/** The profile's secret from the keychain (null when none is stored); refuses one stored for another destination. */
export async function readProfileSecret(store: SecretStore, profile: Profile): Promise<string | null> {
  const stored = await store.get(profile.id);
  return stored === null ? null : openSecret(stored, profile);
}

/** Stores the secret bound to the profile's destination as it is now. */
export function storeProfileSecret(store: SecretStore, profile: Profile, secret: string): Promise<void> {
  return store.set(profile.id, sealSecret(secret, profile));
}

/** stored: an entry exists; usable: it is bound to this profile's current destination. */
export async function profileSecretState(
  store: SecretStore,
  profile: Profile,
): Promise<{ stored: boolean; usable: boolean }> {
  const stored = await store.get(profile.id);
  if (stored === null) return { stored: false, usable: false };
  try {
    openSecret(stored, profile);
    return { stored: true, usable: true };
  } catch (error) {
    if (error instanceof SecretDestinationError) return { stored: true, usable: false };
    throw error;
  }
}
