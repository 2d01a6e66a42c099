import { generate } from 'selfsigned';

export interface LoopbackCertificate {
  keyPem: string;
  certPem: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A fresh self-signed certificate for localhost, 127.0.0.1 and ::1 (EC P-256, SHA-256). Validity uses
 * the real time, not the sandbox clock: TLS clients check it against their own clocks.
 */
export async function generateLoopbackCertificate(): Promise<LoopbackCertificate> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 30 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { keyPem: pems.private, certPem: pems.cert };
}
