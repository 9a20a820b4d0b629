import { deflateSync } from 'node:zlib';

/**
 * The tray icon, drawn here rather than loaded: the app icon's blue tile with its plus (resources/
 * icon.png) and, when the agent has open tickets, a badge with their number — red when one is at SLA
 * risk. Drawing it needs no image library (no native module to rebuild for Electron); the result is a
 * PNG the shell turns into a nativeImage.
 */

export interface Bitmap {
  size: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

type Rgb = readonly [number, number, number];
const tile: Rgb = [0x4d, 0x97, 0xff];
const ink: Rgb = [0x0f, 0x14, 0x19];
const badgeRed: Rgb = [0xd9, 0x30, 0x25];
const badgeCalm: Rgb = [0x2b, 0x3a, 0x4a];
const white: Rgb = [0xff, 0xff, 0xff];

// Digits 3 wide and 5 high, and the plus of "9+": legible at a tray's 16–32 pixels.
const glyphs: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '+': ['000', '010', '111', '010', '000'],
};

/** What the badge says: the count up to 9, then "9+" (a tray icon has room for two glyphs). */
export function badgeLabel(count: number): string {
  if (count <= 0) return '';
  return count > 9 ? '9+' : String(count);
}

function blend(bitmap: Bitmap, x: number, y: number, [r, g, b]: Rgb, coverage: number): void {
  if (x < 0 || y < 0 || x >= bitmap.size || y >= bitmap.size || coverage <= 0) return;
  const i = (y * bitmap.size + x) * 4;
  const alpha = Math.min(1, coverage);
  const under = bitmap.pixels[i + 3]! / 255;
  const out = alpha + under * (1 - alpha);
  const mix = (top: number, bottom: number) => Math.round((top * alpha + bottom * under * (1 - alpha)) / (out || 1));
  bitmap.pixels[i] = mix(r, bitmap.pixels[i]!);
  bitmap.pixels[i + 1] = mix(g, bitmap.pixels[i + 1]!);
  bitmap.pixels[i + 2] = mix(b, bitmap.pixels[i + 2]!);
  bitmap.pixels[i + 3] = Math.round(out * 255);
}

/** Fills a shape given as "how far inside" (pixels; > 0 inside) with anti-aliased edges. */
function fill(bitmap: Bitmap, color: Rgb, inside: (x: number, y: number) => number): void {
  for (let y = 0; y < bitmap.size; y++) for (let x = 0; x < bitmap.size; x++) blend(bitmap, x, y, color, Math.min(1, inside(x + 0.5, y + 0.5) + 0.5));
}

function roundedSquare(x0: number, y0: number, side: number, radius: number) {
  return (x: number, y: number) => {
    const dx = Math.max(x0 + radius - x, x - (x0 + side - radius), 0);
    const dy = Math.max(y0 + radius - y, y - (y0 + side - radius), 0);
    const edge = Math.min(x - x0, x0 + side - x, y - y0, y0 + side - y);
    return dx > 0 && dy > 0 ? radius - Math.hypot(dx, dy) : edge;
  };
}

function rectangle(x0: number, y0: number, width: number, height: number) {
  return (x: number, y: number) => Math.min(x - x0, x0 + width - x, y - y0, y0 + height - y);
}

export function drawTrayIcon(size: number, count: number, urgent: boolean): Bitmap {
  const bitmap: Bitmap = { size, pixels: new Uint8Array(size * size * 4) };
  const s = size / 32;
  fill(bitmap, tile, roundedSquare(2 * s, 2 * s, 28 * s, 6 * s));
  fill(bitmap, ink, rectangle(14 * s, 8 * s, 4 * s, 16 * s));
  fill(bitmap, ink, rectangle(8 * s, 14 * s, 16 * s, 4 * s));
  const label = badgeLabel(count);
  if (label === '') return bitmap;
  // The badge sits in the top right corner, over the tile, with the digits scaled to whole pixels.
  const dot = Math.max(1, Math.floor(2 * s));
  const textWidth = label.length * 3 * dot + (label.length - 1) * dot;
  const height = 5 * dot;
  const badgeHeight = height + 4 * dot;
  const badgeWidth = Math.max(badgeHeight, textWidth + 4 * dot);
  const left = size - badgeWidth;
  const r = badgeHeight / 2;
  fill(bitmap, urgent ? badgeRed : badgeCalm, (x, y) => {
    const cx = Math.min(Math.max(x, left + r), size - r);
    return r - Math.hypot(x - cx, y - r);
  });
  let penX = left + Math.round((badgeWidth - textWidth) / 2);
  const penY = Math.round((badgeHeight - height) / 2);
  for (const char of label) {
    glyphs[char]!.forEach((row, gy) => {
      [...row].forEach((on, gx) => {
        if (on !== '1') return;
        for (let dy = 0; dy < dot; dy++) for (let dx = 0; dx < dot; dx++) blend(bitmap, penX + gx * dot + dx, penY + gy * dot + dy, white, 1);
      });
    });
    penX += 4 * dot;
  }
  return bitmap;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** An 8-bit RGBA PNG of the bitmap. */
export function encodePng({ size, pixels }: Bitmap): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  // Each row starts with its filter byte (0: none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}
