import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES, parseIconSvg, renderIcon } from '../../../scripts/generate-icons.mjs';

const BUILD = path.resolve(import.meta.dirname, '../../../build');
const svg = readFileSync(path.join(BUILD, 'icon.svg'), 'utf8');

/** Size and RGBA pixels of a PNG written by the generator (one IDAT, filter 0 on every row). */
function decode(png: Buffer): { size: number; pixels: Buffer } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const size = png.readUInt32BE(16);
  const idatAt = png.indexOf('IDAT');
  const rows = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) rows.copy(pixels, y * size * 4, y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1));
  return { size, pixels };
}

describe('app icons', () => {
  it('the committed Linux PNGs are the SVG rendered at their size (run `npm run icons` after editing it)', () => {
    const icon = parseIconSvg(svg);
    for (const size of LINUX_SIZES.filter((s) => s <= 64)) {
      const { size: actual, pixels } = decode(readFileSync(path.join(BUILD, 'icons', `${size}x${size}.png`)));
      expect(actual).toBe(size);
      expect(pixels.equals(renderIcon(icon, size)), `${size}x${size}.png is out of date`).toBe(true);
    }
    expect(decode(readFileSync(path.join(BUILD, 'icon.png'))).size).toBe(512);
  });

  it('icon.ico holds every Windows size and icon.icns every macOS size, as PNGs', () => {
    const ico = readFileSync(path.join(BUILD, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toEqual(ICO_SIZES);
    for (let i = 0; i < count; i += 1) {
      const offset = ico.readUInt32LE(6 + 16 * i + 12);
      expect(decode(ico.subarray(offset)).size).toBe(ICO_SIZES[i]);
    }

    const icns = readFileSync(path.join(BUILD, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Record<string, number> = {};
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      found[icns.subarray(at, at + 4).toString('ascii')] = decode(icns.subarray(at + 8)).size;
    }
    expect(found).toEqual(ICNS_TYPES);
  });

  it('refuses an SVG it cannot draw faithfully, saying why', () => {
    expect(() => parseIconSvg('<svg viewBox="0 0 10 20"></svg>')).toThrow(/square viewBox/);
    expect(() => parseIconSvg('<svg viewBox="0 0 10 10"><rect fill="red"/></svg>')).toThrow(/#rrggbb/);
    expect(() => parseIconSvg('<svg viewBox="0 0 10 10"><path d="M0 0"/></svg>')).toThrow(/no <rect> or <circle>/);
  });
});
