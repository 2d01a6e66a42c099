/**
 * Opaque paging cursors (`nextCursor`): a position, the listing it belongs to and when it was issued,
 * signed with a key made at start. A cursor that was altered, made up, issued by another run, used
 * for another listing (user, module, device, record) or older than its lifetime is refused
 * (docs/sandbox.md "Paging").
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEFAULT_CURSOR_TTL_MS = 10 * 60 * 1000;
const MAC_BYTES = 16;

export type CursorRead = { ok: true; after: string } | { ok: false; reason: 'bad' | 'expired' };

interface Payload {
  /** The listing: kind and scope, e.g. "records 1505084218764547200 102 dev-..." */
  l: string;
  /** The last item returned. */
  a: string;
  /** Issued at, ms by the sandbox clock. */
  t: number;
}

export class PageCursors {
  private readonly key = randomBytes(32);

  constructor(readonly ttlMs: number = DEFAULT_CURSOR_TTL_MS) {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new Error('cursorTtlMs must be a positive number.');
  }

  issue(listing: string, after: string, nowMs: number): string {
    const payload: Payload = { l: listing, a: after, t: nowMs };
    const body = Buffer.from(JSON.stringify(payload), 'utf8');
    return `${body.toString('base64url')}.${this.mac(body).toString('base64url')}`;
  }

  read(cursor: string, listing: string, nowMs: number): CursorRead {
    const dot = cursor.indexOf('.');
    if (dot < 0) return { ok: false, reason: 'bad' };
    const body = Buffer.from(cursor.slice(0, dot), 'base64url');
    const mac = Buffer.from(cursor.slice(dot + 1), 'base64url');
    // base64url decoding skips stray characters: only the exact encoding is accepted.
    if (`${body.toString('base64url')}.${mac.toString('base64url')}` !== cursor) return { ok: false, reason: 'bad' };
    if (mac.length !== MAC_BYTES || !timingSafeEqual(mac, this.mac(body))) return { ok: false, reason: 'bad' };
    const payload = parsePayload(body);
    if (!payload || payload.l !== listing) return { ok: false, reason: 'bad' };
    if (nowMs - payload.t >= this.ttlMs) return { ok: false, reason: 'expired' };
    return { ok: true, after: payload.a };
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, MAC_BYTES);
  }
}

function parsePayload(body: Buffer): Payload | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { l, a, t } = value as Record<string, unknown>;
    if (typeof l !== 'string' || typeof a !== 'string' || typeof t !== 'number') return null;
    return { l, a, t };
  } catch {
    return null;
  }
}
