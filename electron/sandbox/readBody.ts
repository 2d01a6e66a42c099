import type { IncomingMessage } from 'node:http';
import type { ReceivedHeaders } from './receivedHeaders';

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

const NO_BODY: BodyRead = Object.freeze({ ok: true, body: Buffer.alloc(0) });
const TOO_LARGE: BodyRead = Object.freeze({ ok: false, reason: 'too-large' });

/**
 * Reads a request body of at most `limit` bytes. A larger Content-Length is refused before any byte
 * is read; a body that grows past the limit is refused as soon as it does. Nothing past the limit is kept.
 * The answer comes at once (not as a promise) when the headers already decide it. `headers`, when
 * given, are the request's own (read from them instead of building req.headers).
 */
export function readBody(
  req: IncomingMessage,
  limit = MAX_BODY_BYTES,
  headers?: ReceivedHeaders,
): BodyRead | Promise<BodyRead> {
  const declared = headers ? headers.single('content-length').value : req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return TOO_LARGE;
  const chunked = headers ? headers.has('transfer-encoding') : req.headers['transfer-encoding'] !== undefined;
  // Without Transfer-Encoding and a non-zero Content-Length a request has no body (RFC 9112 §6.3): it
  // arrived complete with its headers, so there is nothing to wait for (Node drains the empty stream).
  if (!chunked && (declared === undefined || Number(declared) === 0)) return NO_BODY;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        chunks.length = 0;
        finish({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, total) });
    const onAbort = () => finish({ ok: false, reason: 'aborted' });
    const onClose = () => {
      if (!req.complete) onAbort();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onClose);
  });
}
