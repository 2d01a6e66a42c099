import { describe, expect, it } from 'vitest';
import { DEFAULT_CURSOR_TTL_MS, PageCursors } from '../../../electron/sandbox/pageCursor';

describe('PageCursors', () => {
  const cursors = new PageCursors();

  it('reads back the position of a cursor it issued for the same listing', () => {
    const cursor = cursors.issue('records 1 102 ', '1842862763295184641', 1000);
    expect(cursor).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(cursor.length).toBeLessThanOrEqual(1000);
    expect(cursors.read(cursor, 'records 1 102 ', 1000 + DEFAULT_CURSOR_TTL_MS - 1)).toEqual({
      ok: true,
      after: '1842862763295184641',
    });
  });

  it('refuses it for another listing, from another instance, or changed', () => {
    const cursor = cursors.issue('files 1 5', '7', 0);
    expect(cursors.read(cursor, 'files 1 6', 0)).toEqual({ ok: false, reason: 'bad' });
    expect(new PageCursors().read(cursor, 'files 1 5', 0)).toEqual({ ok: false, reason: 'bad' });
    const [body, mac] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ l: 'files 1 5', a: '250', t: 0 })).toString('base64url');
    expect(cursors.read(`${forged}.${mac}`, 'files 1 5', 0)).toEqual({ ok: false, reason: 'bad' });
    expect(cursors.read(`${body}.`, 'files 1 5', 0)).toEqual({ ok: false, reason: 'bad' });
    expect(cursors.read(`${body}=.${mac}`, 'files 1 5', 0)).toEqual({ ok: false, reason: 'bad' });
    expect(cursors.read('', 'files 1 5', 0)).toEqual({ ok: false, reason: 'bad' });
  });

  it('says "expired" once its lifetime has passed', () => {
    const short = new PageCursors(5000);
    const cursor = short.issue('l', 'a', 10_000);
    expect(short.read(cursor, 'l', 14_999).ok).toBe(true);
    expect(short.read(cursor, 'l', 15_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a lifetime that is not a positive number', () => {
    expect(() => new PageCursors(0)).toThrow(/cursorTtlMs/);
    expect(() => new PageCursors(Number.NaN)).toThrow(/cursorTtlMs/);
  });
});
