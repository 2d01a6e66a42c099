/**
 * A signature mismatch told apart, when the server's answer says what it signed. KooDrive documents no such field
 * (docs/koodrive-protocol.md#open-questions, question 23), so a small set of plausible names is read; an answer
 * without one is not interpreted. The string to sign holds no secret: the algorithm and the SHA-256 of the canonical
 * request (docs/koodrive-protocol.md#step-2-the-string-to-sign).
 */
import { createHash } from 'node:crypto';

/** What the server's answer says it signed, in one of three forms. */
export interface SigningEcho {
  /** The field it was read from, as the answer names it. */
  field: string;
  form: 'string-to-sign' | 'canonical-request-sha256' | 'string-to-sign-sha256';
  value: string;
}

const FIELDS: ReadonlyArray<readonly [string, SigningEcho['form']]> = [
  ['string_to_sign', 'string-to-sign'],
  ['stringToSign', 'string-to-sign'],
  ['canonical_request_sha256', 'canonical-request-sha256'],
  ['canonical_request_hash', 'canonical-request-sha256'],
  ['canonicalRequestHash', 'canonical-request-sha256'],
  ['string_to_sign_sha256', 'string-to-sign-sha256'],
  ['string_to_sign_hash', 'string-to-sign-sha256'],
  ['stringToSignHash', 'string-to-sign-sha256'],
];
const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const STRING_TO_SIGN = /^[A-Z0-9-]{1,40}\r?\n[0-9a-f]{64}$/i;

/** The first plausible field of an answer's top level; undefined when there is none or it is malformed. */
export function signingEchoOf(body: Readonly<Record<string, unknown>>): SigningEcho | undefined {
  for (const [field, form] of FIELDS) {
    const value = body[field];
    if (typeof value !== 'string') continue;
    const text = value.trim();
    const valid = form === 'string-to-sign' ? STRING_TO_SIGN.test(text) : HEX_SHA256.test(text);
    if (valid) return { field, form, value: text.replace(/\r\n/g, '\n') };
  }
  return undefined;
}

export interface SignatureComparison {
  /** The request arrived as it was signed: the canonical requests are the same, so the key must differ. */
  same: boolean;
  /** The compared values, in the form the server gave (64 hex characters each; never the secret). */
  ours: string;
  server: string;
  field: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** The canonical request's hash: the string to sign's second line. */
const canonicalHashOf = (stringToSign: string) => stringToSign.slice(stringToSign.lastIndexOf('\n') + 1).toLowerCase();

/** Our string to sign against the server's echo. */
export function compareSigning(ourStringToSign: string, echo: SigningEcho): SignatureComparison {
  const serverValue = echo.value.toLowerCase();
  let ours: string;
  let server: string;
  if (echo.form === 'string-to-sign-sha256') {
    ours = sha256(ourStringToSign);
    server = serverValue;
  } else {
    ours = canonicalHashOf(ourStringToSign);
    server = echo.form === 'string-to-sign' ? canonicalHashOf(serverValue) : serverValue;
  }
  const sameAlgorithm =
    echo.form !== 'string-to-sign' || serverValue.split('\n')[0] === ourStringToSign.split('\n')[0]?.toLowerCase();
  return { same: sameAlgorithm && ours === server, ours, server, field: echo.field };
}
