/**
 * Certificates as users hand them over: PEM text (one or more blocks) or a single binary DER certificate,
 * the default export on Windows. Both become PEM text, the form a profile stores.
 */
const PEM_CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/g;

/** The -----BEGIN CERTIFICATE----- blocks in text, in order. */
export function pemCertificateBlocks(text: string): string[] {
  return text.match(PEM_CERTIFICATE_BLOCK) ?? [];
}

/** The length a DER SEQUENCE header declares for the whole value, or null when bytes do not start with one. */
function derTotalLength(bytes: Uint8Array): number | null {
  if (bytes.length < 4 || bytes[0] !== 0x30) return null;
  const first = bytes[1];
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 3 || bytes.length < 2 + count) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i];
  return 2 + count + length;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * PEM text for the bytes of a certificate file: PEM as it is (trimmed), one DER certificate wrapped in a
 * PEM block; null when the bytes are neither. The certificate itself is checked where it is used.
 */
export function certificateFileToPem(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('-----BEGIN CERTIFICATE-----')) return text.trim();
  if (derTotalLength(bytes) !== bytes.length) return null;
  const lines = base64(bytes).match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----'].join('\n');
}
