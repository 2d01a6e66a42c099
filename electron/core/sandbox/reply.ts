import type { JsonReply } from './errorBodies';

/** A complete response, built before anything is written, so a fault can decide how it is delivered. */
export interface HttpReply {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: Buffer;
}

export const JSON_TYPE = 'application/json;charset=UTF-8';

/** Date (from the sandbox clock, so clients can measure skew against it) and X-Request-Id. */
export function baseHeaders(now: Date, requestId: string): Record<string, string> {
  return { Date: now.toUTCString(), 'X-Request-Id': requestId };
}

export function jsonHttpReply(json: JsonReply, base: Readonly<Record<string, string>>): HttpReply {
  return textHttpReply(json.status, JSON_TYPE, JSON.stringify(json.body), { ...base, ...json.headers });
}

export function textHttpReply(
  status: number,
  contentType: string,
  text: string,
  base: Readonly<Record<string, string>>,
): HttpReply {
  const body = Buffer.from(text, 'utf8');
  return {
    status,
    headers: { ...base, 'Content-Type': contentType, 'Content-Length': String(body.length) },
    body,
  };
}
