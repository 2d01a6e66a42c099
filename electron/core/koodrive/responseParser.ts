/**
 * Reads a response body into one shape. KooDrive answers `{code, msg, data}` (code a number or a
 * numeric string); Huawei's API gateway answers `{error_code, error_msg, request_id}`. Anything else
 * (HTML, plain text, empty, other JSON) is shape 'none' and the caller decides what it means.
 */
import { parseJsonBigSafe } from './jsonBigSafe';
import { type SigningEcho, signingEchoOf } from './signatureEcho';

export type BodyShape = 'koodrive' | 'gateway' | 'none';

export interface ParsedBody {
  /** `code` or `error_code`, always as text. */
  code: string | null;
  msg: string | null;
  data: unknown;
  requestId?: string;
  shape: BodyShape;
  /** What the server says it signed, when a refusal carries it (signatureEcho.ts; not documented by KooDrive). */
  signingEcho?: SigningEcho;
}

const CODE_TEXT = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_TEXT = 1000;

const decoder = new TextDecoder('utf-8');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function codeText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && CODE_TEXT.test(value.trim())) return value.trim();
  return null;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
}

function requestIdOf(body: Record<string, unknown>): string | undefined {
  const id = body.request_id ?? body.requestId;
  return typeof id === 'string' && CODE_TEXT.test(id) ? id : undefined;
}

const NONE: ParsedBody = { code: null, msg: null, data: null, shape: 'none' };

/** UTF-8 text of the body; a Buffer (what the HTTP transport returns) decodes without TextDecoder's overhead. */
function bodyText(body: Uint8Array): string {
  return Buffer.isBuffer(body) ? body.toString('utf8') : decoder.decode(body);
}

export function parseResponseBody(body: Uint8Array): ParsedBody {
  // trim() also drops a byte order mark (U+FEFF is white space to JavaScript).
  const raw = bodyText(body).trim();
  if (raw.length === 0 || (raw[0] !== '{' && raw[0] !== '[')) return NONE;
  let value: unknown;
  try {
    value = parseJsonBigSafe(raw);
  } catch {
    return NONE;
  }
  if (!isRecord(value)) return { code: null, msg: null, data: value, shape: 'none' };
  // Built key by key: object spreads cost microseconds each on Node 20.
  let parsed: ParsedBody;
  const code = codeText(value.code);
  const gatewayCode = code === null ? codeText(value.error_code) : null;
  if (code !== null) parsed = { code, msg: text(value.msg), data: value.data ?? null, shape: 'koodrive' };
  else if (gatewayCode !== null)
    parsed = { code: gatewayCode, msg: text(value.error_msg), data: null, shape: 'gateway' };
  else parsed = { code: null, msg: null, data: value, shape: 'none' };
  const requestId = requestIdOf(value);
  if (requestId !== undefined) parsed.requestId = requestId;
  if (parsed.shape === 'gateway' || (parsed.shape === 'koodrive' && !isSuccessCode(parsed.code))) {
    const echo = signingEchoOf(value);
    if (echo !== undefined) parsed.signingEcho = echo;
  }
  return parsed;
}

/** `code` compared numerically, so 0, "0" and "00" all mean success. */
export function isSuccessCode(code: string | null): boolean {
  return code !== null && /^[+-]?0+$/.test(code);
}

/** The lock ID in a create-lock answer's `data`, or null. */
export function lockIdFromData(data: unknown): string | null {
  if (!isRecord(data)) return null;
  const id = data.lockId;
  return typeof id === 'string' && id.length > 0 ? id : null;
}
