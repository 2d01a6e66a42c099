import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateFileToPem, pemCertificateBlocks } from '../../../shared/certificateFile';
import { createTestCa } from '../../support/testCa';

describe('certificateFileToPem', () => {
  it('keeps PEM text (several blocks) as it is, trimmed', async () => {
    const one = await createTestCa('One');
    const two = await createTestCa('Two');
    const text = `\n${one.certPem}\n${two.certPem}\n\n`;
    const pem = certificateFileToPem(Buffer.from(text));
    expect(pem).toBe(text.trim());
    expect(pemCertificateBlocks(pem ?? '')).toHaveLength(2);
  });

  it('wraps one DER certificate in a PEM block that decodes to the same certificate', async () => {
    const ca = await createTestCa();
    const der = new X509Certificate(ca.certPem).raw;
    const pem = certificateFileToPem(new Uint8Array(der)) ?? '';
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----$/);
    expect(pem.split('\n').every((line) => line.length <= 64)).toBe(true);
    expect(new X509Certificate(pem).fingerprint256).toBe(new X509Certificate(ca.certPem).fingerprint256);
  });

  it('refuses bytes that are neither: text, random bytes, a DER certificate cut short or with bytes appended', async () => {
    const ca = await createTestCa();
    const der = new Uint8Array(new X509Certificate(ca.certPem).raw);
    expect(certificateFileToPem(Buffer.from('hello, not a certificate'))).toBeNull();
    expect(certificateFileToPem(new Uint8Array([0x30]))).toBeNull();
    expect(certificateFileToPem(der.subarray(0, der.length - 1))).toBeNull();
    expect(certificateFileToPem(new Uint8Array([...der, 0]))).toBeNull();
    expect(certificateFileToPem(new Uint8Array(0))).toBeNull();
  });
});
