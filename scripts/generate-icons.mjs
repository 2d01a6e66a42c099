#!/usr/bin/env node
// Renders build/icon.svg to the icon files electron-builder takes from build/ (docs/packaging.md):
// icon.icns (macOS), icon.ico (Windows), icons/<size>x<size>.png (Linux) and icon.png (the window
// and About icon). No dependency: the SVG is limited to <rect> (with rx) and <circle> (filled or
// stroked) elements, drawn with 4x4 supersampling, and the PNGs are written with node:zlib.
//   node scripts/generate-icons.mjs [output folder, default build/]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const SAMPLES = 4;

/** The SVG's shapes, in drawing order. */
export function parseIconSvg(svg) {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  if (!viewBox || viewBox[1] !== viewBox[2]) throw new Error('icon.svg needs a square viewBox="0 0 N N"');
  const shapes = [];
  for (const [, tag, attributes] of svg.matchAll(/<(rect|circle)\b([^>]*)\/>/g)) {
    const attr = Object.fromEntries([...attributes.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    const num = (name) => Number(attr[name] ?? 0);
    const stroke = attr.stroke && attr.stroke !== 'none' ? attr.stroke : null;
    const color = hexColor(stroke ?? attr.fill);
    if (tag === 'rect') {
      shapes.push({ kind: 'rect', x: num('x'), y: num('y'), w: num('width'), h: num('height'), r: num('rx'), color });
    } else if (stroke) {
      shapes.push({ kind: 'ring', cx: num('cx'), cy: num('cy'), r: num('r'), half: num('stroke-width') / 2, color });
    } else {
      shapes.push({ kind: 'circle', cx: num('cx'), cy: num('cy'), r: num('r'), color });
    }
  }
  if (shapes.length === 0) throw new Error('icon.svg has no <rect> or <circle> to draw');
  return { size: Number(viewBox[1]), shapes };
}

function hexColor(text) {
  const match = /^#([0-9a-f]{6})$/i.exec(text ?? '');
  if (!match) throw new Error(`icon.svg colours must be #rrggbb, not ${text}`);
  const value = parseInt(match[1], 16);
  return [value >> 16, (value >> 8) & 255, value & 255];
}

function inside(shape, x, y) {
  switch (shape.kind) {
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
    case 'ring': {
      const d = Math.hypot(x - shape.cx, y - shape.cy);
      return d >= shape.r - shape.half && d <= shape.r + shape.half;
    }
    default: {
      if (x < shape.x || y < shape.y || x > shape.x + shape.w || y > shape.y + shape.h) return false;
      const r = Math.min(shape.r, shape.w / 2, shape.h / 2);
      const dx = Math.max(shape.x + r - x, 0, x - (shape.x + shape.w - r));
      const dy = Math.max(shape.y + r - y, 0, y - (shape.y + shape.h - r));
      return dx * dx + dy * dy <= r * r;
    }
  }
}

/** RGBA pixels of the icon at `size` x `size`. */
export function renderIcon(icon, size) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = icon.size / size;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          let color = null;
          for (const shape of icon.shapes) if (inside(shape, x, y)) color = shape.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG. */
export function encodePng(pixels, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO with PNG entries (Windows Vista and later). */
export function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, png } of pngs) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...pngs.map(({ png }) => png)]);
}

/** ICNS with PNG entries: ic11..ic14 are the @2x Retina sizes, ic07..ic10 the 1x ones. */
export const ICNS_TYPES = { ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 };

export function encodeIcns(pngBySize) {
  const parts = Object.entries(ICNS_TYPES).map(([type, size]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + pngBySize.get(size).length, 4);
    return Buffer.concat([head, pngBySize.get(size)]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** Writes every icon file into `outDir`; returns the paths written. */
export function generateIcons(svgPath, outDir) {
  const icon = parseIconSvg(readFileSync(svgPath, 'utf8'));
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...Object.values(ICNS_TYPES)])].sort((a, b) => a - b);
  const pngBySize = new Map(sizes.map((size) => [size, encodePng(renderIcon(icon, size), size)]));
  const written = [];
  const write = (relative, bytes) => {
    const file = path.join(outDir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    written.push(file);
  };
  for (const size of LINUX_SIZES) write(path.join('icons', `${size}x${size}.png`), pngBySize.get(size));
  write('icon.png', pngBySize.get(512));
  write('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: pngBySize.get(size) }))));
  write('icon.icns', encodeIcns(pngBySize));
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const outDir = path.resolve(process.argv[2] ?? path.join(root, 'build'));
  const written = generateIcons(path.join(root, 'build', 'icon.svg'), outDir);
  console.log(`Wrote ${written.length} icon files to ${path.relative(root, outDir) || '.'}`);
}
