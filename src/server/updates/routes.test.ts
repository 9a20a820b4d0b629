import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.js';
import { startTestServer, type RunningTestServer } from '../testing/test-server.js';

let server: RunningTestServer;

beforeAll(async () => {
  server = await startTestServer({ clock: systemClock, seed: false });
  // A release as electron-builder publishes it (its dist/ output copied into the data folder's updates/).
  const feed = join(server.dataDir, 'updates');
  mkdirSync(feed, { recursive: true });
  writeFileSync(join(feed, 'latest.yml'), 'version: 1.5.0\nfiles:\n  - url: Shiftdesk-Setup-1.5.0.exe\npath: Shiftdesk-Setup-1.5.0.exe\n');
  writeFileSync(join(feed, 'latest-linux.yml'), 'version: 1.5.0\nfiles:\n  - url: Shiftdesk-1.5.0.AppImage\npath: Shiftdesk-1.5.0.AppImage\n');
  writeFileSync(join(feed, 'Shiftdesk-1.5.0.AppImage'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0xff, 0x10]));
});
afterAll(() => server.stop());

describe('console update feed (electron-updater generic provider at <server>/updates/)', () => {
  it('serves latest.yml and latest-linux.yml as YAML, as the updater asks for them (with its noCache query)', async () => {
    for (const [file, version] of [['latest.yml', 'Shiftdesk-Setup-1.5.0.exe'], ['latest-linux.yml', 'Shiftdesk-1.5.0.AppImage']]) {
      const response = await fetch(`${server.url}/updates/${file}?noCache=1h4k2`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
      expect(await response.text()).toContain(`path: ${version}`);
    }
  });

  it('serves an installer byte for byte with its length (the updater checks it against latest.yml)', async () => {
    const response = await fetch(`${server.url}/updates/Shiftdesk-1.5.0.AppImage`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-length')).toBe('7');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0x7f, 0x45, 0x4c, 0x46, 0x00, 0xff, 0x10]);
  });

  it('answers 404 for a release not published (the updater then tries later) and refuses paths out of the folder', async () => {
    expect((await fetch(`${server.url}/updates/latest-mac.yml`)).status).toBe(404);
    expect((await fetch(`${server.url}/updates/..%2Fshiftdesk.sqlite`)).status).toBe(400);
    expect((await fetch(`${server.url}/updates/%2Fetc%2Fpasswd`)).status).toBe(400);
    expect((await fetch(`${server.url}/updates/`)).status).toBe(400);
  });
});
