/**
 * A throwaway certificate authority for tests, as a company's TLS-inspection CA would be: a CA
 * certificate and server certificates it signs (valid, expired, or for another host name).
 */
import { generate } from 'selfsigned';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Pem {
  keyPem: string;
  certPem: string;
}

export interface TestCa extends Pem {
  /** A server certificate signed by this CA. */
  issue(options?: LeafOptions): Promise<Pem>;
}

interface LeafOptions {
  /** DNS names and IP addresses; default localhost, 127.0.0.1 and ::1. */
  dnsNames?: string[];
  ips?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

export async function createTestCa(name = 'KooDrive Test Inspection CA'): Promise<TestCa> {
  const now = Date.now();
  const ca = await generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 30 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const caPem = { keyPem: ca.private, certPem: ca.cert };
  return { ...caPem, issue: (options) => issueLeaf(caPem, options) };
}

async function issueLeaf(ca: Pem, options: LeafOptions = {}): Promise<Pem> {
  const now = Date.now();
  const dnsNames = options.dnsNames ?? ['localhost'];
  const ips = options.ips ?? (options.dnsNames ? [] : ['127.0.0.1', '::1']);
  const leaf = await generate([{ name: 'commonName', value: dnsNames[0] ?? ips[0] ?? 'test' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: options.notBefore ?? new Date(now - DAY_MS),
    notAfterDate: options.notAfter ?? new Date(now + 7 * DAY_MS),
    ca: { key: ca.keyPem, cert: ca.certPem },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
          ...ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { keyPem: leaf.private, certPem: leaf.cert };
}
