/**
 * Checks of the profile's proxy URL and CA certificate with the very schema main uses
 * (profileInputSchema), one field at a time, so each gets its own message.
 */
import { profileInputSchema } from '../../../../shared/profile';
import { safeParse } from '../../../../shared/schema';
import type { FieldProblem } from './profileForm';

export type NetworkField = 'proxyUrl' | 'caPem';
export type NetworkProblems = Partial<Record<NetworkField, FieldProblem>>;
/** The problems as shown: in the window's language, with the field's label where needed. */
export type NetworkProblemTexts = Partial<Record<NetworkField, string>>;

/** Fields that always pass, so that a failure can only come from the field under test. */
const KNOWN_GOOD = {
  name: 'x',
  baseUrl: 'https://127.0.0.1',
  userId: '1',
  authMode: 'bearer',
  moduleCode: '100',
} as const;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The schema's problem with one field, or undefined; an empty field is "not set" and passes. */
export function networkFieldProblem(field: NetworkField, value: string): FieldProblem | undefined {
  if (value === '') return undefined;
  const parsed = safeParse(profileInputSchema, { ...KNOWN_GOOD, [field]: value });
  if (parsed.ok || parsed.error.path !== field) return undefined;
  return { english: parsed.error.problem, message: parsed.error.problemMessage };
}

export function checkNetworkFields(proxyUrl: string, caPem: string): NetworkProblems {
  const problems: NetworkProblems = {};
  const proxy = networkFieldProblem('proxyUrl', proxyUrl);
  if (proxy) problems.proxyUrl = proxy;
  const ca = networkFieldProblem('caPem', caPem);
  if (ca) problems.caPem = ca;
  return problems;
}

/** How many certificate blocks the PEM text holds (a CA bundle may have several). */
export function certificateCount(caPem: string): number {
  return caPem.match(PEM_BLOCK)?.length ?? 0;
}
