/**
 * Which certificate authorities the transport and the diagnostics trust: Node's bundled (Mozilla) roots,
 * the operating system's trust store where this Node can read it (`tls.getCACertificates('system')`,
 * Node 22.15 / 23.5 and later), and NODE_EXTRA_CA_CERTS; a profile's extra CA is added on top of that,
 * never instead of it. See docs/faults-and-safeguards.md, "Corporate networks".
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import type tls from 'node:tls';
import { pemCertificateBlocks } from '../../../shared/certificateFile';

type CaSet = 'default' | 'system' | 'bundled' | 'extra';
type GetCaCertificates = (set?: CaSet) => string[];

const MAX_CONTEXTS = 8;

export interface DefaultTrust {
  certificates: readonly string[];
  /** Where they came from, for --verbose and the docs. */
  sources: readonly string[];
}

/** node:tls, loaded when a certificate is first needed (never for an http:// server). */
function loadTls(): typeof tls {
  return process.getBuiltinModule('node:tls');
}

function getCaCertificates(): GetCaCertificates | null {
  const candidate: unknown = (loadTls() as { getCACertificates?: unknown }).getCACertificates;
  return typeof candidate === 'function' ? (candidate as GetCaCertificates) : null;
}

/** NODE_EXTRA_CA_CERTS read by hand, for a Node without tls.getCACertificates (it read the file at start). */
function extraFromFile(file: string | undefined): string[] {
  if (!file) return [];
  try {
    return pemCertificateBlocks(fs.readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}

let cachedTrust: DefaultTrust | null = null;

export function defaultTrust(): DefaultTrust {
  if (cachedTrust) return cachedTrust;
  const get = getCaCertificates();
  const extraFile = process.env.NODE_EXTRA_CA_CERTS;
  let certificates: string[];
  const sources = ["Node's bundled roots"];
  if (get) {
    // 'default' is the bundled roots plus NODE_EXTRA_CA_CERTS (plus the system store under --use-system-ca).
    let system: string[] = [];
    try {
      system = get('system');
      sources.push(`the OS trust store (${system.length} certificates)`);
    } catch {
      sources.push('not the OS trust store (it could not be read)');
    }
    certificates = [...get('default'), ...system];
  } else {
    sources.push('not the OS trust store (this Node cannot read it)');
    certificates = [...loadTls().rootCertificates, ...extraFromFile(extraFile)];
  }
  if (extraFile) sources.push('NODE_EXTRA_CA_CERTS');
  cachedTrust = { certificates: [...new Set(certificates)], sources };
  return cachedTrust;
}

/** Thrown when the extra CA text holds no readable certificate; the message is safe to show. */
export class ExtraCaError extends Error {
  constructor(readonly causeCode: string | undefined) {
    super('The extra CA certificate could not be read; give the whole -----BEGIN CERTIFICATE----- block (PEM).');
    this.name = 'ExtraCaError';
  }
}

/** The PEM blocks of an extra CA, each checked to be a certificate. */
export function extraCaBlocks(caPem: string): string[] {
  const blocks = pemCertificateBlocks(caPem);
  if (blocks.length === 0) throw new ExtraCaError(undefined);
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      throw new ExtraCaError(typeof code === 'string' ? code : undefined);
    }
  }
  return blocks;
}

const contexts = new Map<string, tls.SecureContext>();

/** A secure context trusting the default trust plus caPem (when given); built once per distinct PEM. */
export function trustContext(caPem?: string): tls.SecureContext {
  const key = caPem ?? '';
  let context = contexts.get(key);
  if (!context) {
    const extra = caPem ? extraCaBlocks(caPem) : [];
    context = loadTls().createSecureContext({ ca: [...defaultTrust().certificates, ...extra] });
    if (contexts.size >= MAX_CONTEXTS) contexts.clear();
    contexts.set(key, context);
  }
  return context;
}
