import { generate } from 'selfsigned';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TestCertificate {
  keyPem: string;
  certPem: string;
}

/** A self-signed EC certificate for the given names, valid over the given days relative to now (may be in the past). */
export async function testCertificate(options: {
  dnsNames?: string[];
  ips?: string[];
  fromDays: number;
  toDays: number;
  commonName?: string;
}): Promise<TestCertificate> {
  const now = Date.now();
  const altNames = [
    ...(options.dnsNames ?? []).map((value) => ({ type: 2 as const, value })),
    ...(options.ips ?? []).map((ip) => ({ type: 7 as const, ip })),
  ];
  const pems = await generate([{ name: 'commonName', value: options.commonName ?? 'diagnostics.test' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now + options.fromDays * DAY_MS),
    notAfterDate: new Date(now + options.toDays * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { keyPem: pems.private, certPem: pems.cert };
}
