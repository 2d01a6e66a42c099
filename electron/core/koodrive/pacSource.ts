/**
 * Reads a PAC given to the CLI (--pac, KOODRIVE_PAC): a file path, or an http(s):// URL fetched once per
 * run, directly (never through a proxy), with the default trust, a timeout and a size cap.
 */
import fs from 'node:fs/promises';
import { PacError } from './pacScript';
import { type Transport, TransportError } from './transport';

export const PAC_MAX_BYTES = 1024 * 1024;
export const PAC_FETCH_TIMEOUT_MS = 10_000;

export interface PacText {
  /** "PAC file /etc/corp.pac" or "PAC file http://wpad.corp/wpad.dat", for messages and reasons. */
  name: string;
  script: string;
}

function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** The URL without user name, password, query or fragment: what messages show. */
function shownUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

async function fetchPac(url: URL, name: string, transport: Transport): Promise<string> {
  try {
    const response = await transport({
      method: 'GET',
      url,
      headers: { Host: url.host, Accept: 'application/x-ns-proxy-autoconfig, */*' },
      timeoutMs: PAC_FETCH_TIMEOUT_MS,
      maxBodyBytes: PAC_MAX_BYTES,
    });
    if (response.status !== 200) throw new PacError(`The ${name} could not be fetched: HTTP ${response.status}.`);
    return Buffer.from(response.body).toString('utf8');
  } catch (error) {
    if (error instanceof PacError) throw error;
    const reason = error instanceof TransportError ? error.message : 'the request failed';
    throw new PacError(`The ${name} could not be fetched: ${reason}`);
  }
}

async function readPacFile(file: string, name: string): Promise<string> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new PacError(`The ${name} is not a file.`);
    if (stat.size > PAC_MAX_BYTES) throw new PacError(`The ${name} is larger than ${PAC_MAX_BYTES / 1024} KiB.`);
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof PacError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    throw new PacError(`The ${name} cannot be read (${String(code ?? 'unknown error')}).`);
  }
}

export async function readPac(location: string, transport: Transport): Promise<PacText> {
  if (!isUrl(location)) {
    const name = `PAC file ${location}`;
    return { name, script: await readPacFile(location, name) };
  }
  if (!URL.canParse(location)) throw new PacError(`The PAC address ${location} is not a valid URL.`);
  const url = new URL(location);
  const name = `PAC file ${shownUrl(url)}`;
  return { name, script: await fetchPac(url, name, transport) };
}
