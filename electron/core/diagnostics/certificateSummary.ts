import type { X509Certificate } from 'node:crypto';
import type { ConnectionStep } from '../../../shared/diagnostics';

export type CertificateSummary = NonNullable<ConnectionStep['certificate']>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** "CN=localhost\nO=Example" -> "CN=localhost, O=Example". */
function oneLine(name: string): string {
  return name
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join(', ');
}

function isoDate(text: string): string {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

export function summarizeCertificate(certificate: X509Certificate): CertificateSummary {
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validFrom: isoDate(certificate.validFrom),
    validTo: isoDate(certificate.validTo),
  };
}

/** Whole days from now until the certificate expires (negative once it has). */
export function daysToExpiry(summary: CertificateSummary, nowMs: number): number | null {
  const to = Date.parse(summary.validTo);
  return Number.isNaN(to) ? null : Math.floor((to - nowMs) / DAY_MS);
}

/** The names the certificate is valid for, for a wrong-host message. */
export function certificateNames(certificate: X509Certificate): string {
  const alt = certificate.subjectAltName;
  if (alt) return alt.replace(/DNS:|IP Address:/g, '').trim();
  return oneLine(certificate.subject);
}
