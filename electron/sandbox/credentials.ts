import { randomBytes, randomInt } from 'node:crypto';
import { userIdProblem } from '../../shared/identifiers';
import type { SandboxCredentials } from './types';

const HEADER_SAFE = /^[\x21-\x7e]{1,512}$/;

/** A 19-digit user ID, like real KooDrive IDs (larger than 2^53, so it only works as a string). */
export function randomUserId(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < 19) digits += String(randomInt(0, 10));
  return digits;
}

function randomCredentials(): SandboxCredentials {
  return {
    userId: randomUserId(),
    token: `sbx_${randomBytes(24).toString('base64url')}`,
    appId: randomBytes(32).toString('hex'),
    appSecret: `sbx-secret-${randomBytes(24).toString('base64url')}`,
  };
}

/** Fills in what is not given; throws when a given value could never be sent in a header. */
export function resolveCredentials(given: Partial<SandboxCredentials> = {}): SandboxCredentials {
  const credentials = { ...randomCredentials(), ...definedOnly(given) };
  const userProblem = userIdProblem(credentials.userId);
  if (userProblem) throw new Error(`Sandbox userId: ${userProblem}`);
  if (!HEADER_SAFE.test(credentials.token)) {
    throw new Error('Sandbox token: 1-512 printable ASCII characters without spaces.');
  }
  if (!HEADER_SAFE.test(credentials.appId) || /[,=]/.test(credentials.appId)) {
    throw new Error('Sandbox appId: 1-512 printable ASCII characters without spaces, commas or "=".');
  }
  if (credentials.appSecret.length === 0 || credentials.appSecret.length > 512) {
    throw new Error('Sandbox appSecret: 1-512 characters.');
  }
  return credentials;
}

function definedOnly(given: Partial<SandboxCredentials>): Partial<SandboxCredentials> {
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
}
