/**
 * --verbose: wraps the transport to print each request and response on stderr. Authorization is
 * redacted (redactHeaders) and the secret is scrubbed from anything the server sends back. The proxy in use
 * is shown without its user name and password, and its password is scrubbed too. In app
 * mode the canonical request and string to sign are shown, to diagnose a rejected signature.
 */
import type { Profile } from '../../shared/profile';
import type { Clock } from '../core/clock';
import { pemCertificateBlocks } from '../../shared/certificateFile';
import { parseProxyAddress, proxyForDisplay } from '../core/koodrive/proxyAddress';
import { defaultTrust } from '../core/koodrive/trustStore';
import { authorizationFor } from '../core/koodrive/authorization';
import { redactHeaders } from '../core/koodrive/redactHeaders';
import type { HttpRequest, Transport } from '../core/koodrive/transport';
import { TransportError } from '../core/koodrive/transport';
import { printable } from './formatResult';
import type { TextWriter } from './io';

const BODY_SHOWN_MAX = 2000;

export interface VerboseOptions {
  stderr: TextWriter;
  profile: Profile;
  secret: string;
  clock: Clock;
}

/** Rebuilds the signature from what was sent; returns its canonical request only when it matches. Works for any call. */
function signingDetails(request: HttpRequest, options: VerboseOptions): string[] {
  if (options.profile.authMode !== 'app' || !request.headers.Authorization) return [];
  const { Authorization: sent, ...headers } = request.headers;
  try {
    const rebuilt = authorizationFor({
      profile: options.profile,
      method: request.method,
      path: request.url.pathname,
      query: [...request.url.searchParams.entries()],
      headers,
      body: request.body,
      secret: options.secret,
    });
    if (rebuilt.header !== sent || !rebuilt.canonicalRequest) return [];
    return [
      'canonical request:',
      ...rebuilt.canonicalRequest.split('\n').map((line) => `  ${line}`),
      'string to sign:',
      ...(rebuilt.stringToSign ?? '').split('\n').map((line) => `  ${line}`),
    ];
  } catch {
    return [];
  }
}

/** Which certificate authorities the transport trusts for this request (trustStore.ts). */
function trustLine(caPem: string | undefined): string {
  const extra = caPem ? pemCertificateBlocks(caPem).length : 0;
  const profileCa = extra > 0 ? `, plus the extra CA given (${extra} certificate${extra === 1 ? '' : 's'})` : '';
  return `trusting ${defaultTrust().sources.join(', ')}${profileCa}`;
}

function proxyPasswordOf(proxyUrl: string): string | null {
  try {
    return parseProxyAddress(proxyUrl).password;
  } catch {
    return null;
  }
}

/** The password inside a Basic Proxy-Authorization from the keychain, so that it can be scrubbed too. */
function basicPasswordOf(authorization: string): string | null {
  const decoded = Buffer.from(authorization.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && decoded.length > colon + 1 ? decoded.slice(colon + 1) : null;
}

/** The route line: the proxy (without credentials) or direct, and why (core/koodrive/proxyDecision.ts). */
function routeLine(request: HttpRequest): string {
  const why = request.proxyReason ? ` (${request.proxyReason})` : '';
  if (!request.proxyUrl) return `direct (no proxy)${why}`;
  const stored = request.proxyAuthorization ? ', with the proxy password stored for this profile' : '';
  return `via the proxy ${proxyForDisplay(request.proxyUrl)}${why}${stored}`;
}

export function verboseTransport(inner: Transport, options: VerboseOptions): Transport {
  let counter = 0;
  const hidden = new Set<string>(options.secret.length > 0 ? [options.secret] : []);
  const scrub = (text: string) => {
    let out = text;
    for (const value of hidden) out = out.split(value).join('<redacted>');
    return out;
  };
  const print = (prefix: string, lines: string[]) => {
    options.stderr.write(lines.map((line) => `${prefix} ${scrub(line)}\n`).join(''));
  };
  const bodyText = (body: Uint8Array) => printable(Buffer.from(body).toString('utf8'), BODY_SHOWN_MAX);

  return async (request) => {
    counter += 1;
    const tag = `#${counter}`;
    const headers = Object.entries(redactHeaders(request.headers)).map(([name, value]) => `${name}: ${value}`);
    const proxyPassword = request.proxyUrl ? proxyPasswordOf(request.proxyUrl) : null;
    if (proxyPassword) hidden.add(proxyPassword);
    const storedPassword = request.proxyAuthorization ? basicPasswordOf(request.proxyAuthorization) : null;
    if (storedPassword) hidden.add(storedPassword);
    print(`> ${tag}`, [
      `${request.method} ${request.url.href}`,
      routeLine(request),
      ...(request.url.protocol === 'https:' ? [trustLine(request.tls?.caPem)] : []),
      ...headers,
      ...(request.body ? [`body: ${bodyText(request.body)}`] : []),
      ...signingDetails(request, options),
    ]);
    const started = options.clock.monotonicMs();
    try {
      const response = await inner(request);
      const ms = Math.round(options.clock.monotonicMs() - started);
      print(`< ${tag}`, [
        `HTTP ${response.status} in ${ms} ms`,
        ...Object.entries(response.headers).map(([name, value]) => `${name}: ${printable(value, 500)}`),
        `body: ${bodyText(response.body)}`,
      ]);
      return response;
    } catch (error) {
      const ms = Math.round(options.clock.monotonicMs() - started);
      const what =
        error instanceof TransportError
          ? `${error.failure}${error.causeCode ? ` (${error.causeCode})` : ''}: ${error.message}`
          : 'failed inside the HTTP client';
      print(`< ${tag}`, [`no response after ${ms} ms: ${printable(what)}`]);
      throw error;
    }
  };
}
