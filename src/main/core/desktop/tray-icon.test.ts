import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { badgeLabel, drawTrayIcon, encodePng } from './tray-icon.js';
import { trayView } from './shell-text.js';

/** Reads back the PNGs encodePng writes (8-bit RGBA, no filters): enough to check them without an image library. */
function decode(png: Buffer): { size: number; pixel(x: number, y: number): number[] } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const size = png.readUInt32BE(16);
  let offset = 8;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') data.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  return { size, pixel: (x, y) => [...raw.subarray(y * (size * 4 + 1) + 1 + x * 4, y * (size * 4 + 1) + 1 + x * 4 + 4)] };
}

describe('tray icon', () => {
  it('is the app tile with its plus on a transparent ground, and no badge without open tickets', () => {
    const icon = decode(encodePng(drawTrayIcon(32, 0, false)));
    expect(icon.size).toBe(32);
    expect(icon.pixel(0, 0)[3]).toBe(0);
    expect(icon.pixel(6, 16)).toEqual([0x4d, 0x97, 0xff, 255]);
    expect(icon.pixel(16, 16)).toEqual([0x0f, 0x14, 0x19, 255]);
    expect(icon.pixel(29, 3)).toEqual(decode(encodePng(drawTrayIcon(32, 0, true))).pixel(29, 3));
  });

  it('has a badge in its corner, red when a ticket is at SLA risk', () => {
    const calm = decode(encodePng(drawTrayIcon(32, 3, false)));
    const urgent = decode(encodePng(drawTrayIcon(32, 3, true)));
    // The badge's edge, left of its digit.
    expect(urgent.pixel(19, 8)).toEqual([0xd9, 0x30, 0x25, 255]);
    expect(calm.pixel(19, 8)).toEqual([0x2b, 0x3a, 0x4a, 255]);
    // Some of the badge is white digit.
    const whites = (icon: ReturnType<typeof decode>) => {
      let n = 0;
      for (let y = 0; y < 16; y++) for (let x = 14; x < 32; x++) if (icon.pixel(x, y).join() === '255,255,255,255') n++;
      return n;
    };
    expect(whites(urgent)).toBeGreaterThan(10);
    expect(whites(decode(encodePng(drawTrayIcon(32, 8, true))))).toBeGreaterThan(whites(decode(encodePng(drawTrayIcon(32, 1, true)))));
  });

  it('says up to 9, then 9+', () => {
    expect([0, 1, 9, 10, 250].map(badgeLabel)).toEqual(['', '1', '9', '9+', '9+']);
  });
});

describe('tray text', () => {
  it('tells the counts in the agent language', () => {
    expect(trayView('en', { open: 5, atRisk: 2 })).toEqual({
      tooltip: 'Shiftdesk — My open tickets: 5, At SLA risk: 2',
      countLines: ['My open tickets: 5', 'At SLA risk: 2'],
      show: 'Show Shiftdesk',
      quit: 'Quit Shiftdesk',
      badge: 5,
      urgent: true,
    });
    expect(trayView('pl', { open: 1, atRisk: 0 })).toMatchObject({ countLines: ['Moje otwarte zgłoszenia: 1', 'Zagrożone SLA: 0'], urgent: false });
    expect(trayView('ru', { open: 21, atRisk: 1 }).tooltip).toBe('Shiftdesk — Мои открытые заявки: 21, Под угрозой SLA: 1');
    expect(trayView('lv', null)).toMatchObject({ tooltip: 'Shiftdesk — Nav pieslēdzies', countLines: [], show: 'Rādīt Shiftdesk', badge: 0 });
  });
});
