import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DeskCore } from '../desk-core.js';
import { FileSecretStore } from '../session/secret-store.js';
import { startBrowserHost, type BrowserHost } from './host.js';

let root: string;
let core: DeskCore;
let host: BrowserHost;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'shiftdesk-host-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><script type="module" src="./assets/app.js"></script></head></html>');
  writeFileSync(join(root, 'secret.txt'), 'not for the browser');
  core = new DeskCore({ dataDir: join(root, 'core'), serverUrl: 'http://127.0.0.1:9', clock: { now: () => 0 }, secrets: new FileSecretStore(join(root, 'core', 's.json')) });
  host = await startBrowserHost({ core, rendererDir, port: 0 });
});
afterAll(async () => {
  await host.close();
  core.close();
  rmSync(root, { recursive: true, force: true });
});

async function cookieFromToken(): Promise<string> {
  const response = await fetch(host.url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

function openSocket(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/desk`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { kind: string; id?: number; result?: unknown };
      if (frame.kind === 'result' && frame.id === id) resolve(frame.result);
    });
    ws.send(JSON.stringify({ kind: 'call', id, method, input }));
  });
}

describe('browser host', () => {
  it('serves nothing without the token or its cookie', async () => {
    expect((await fetch(host.origin)).status).toBe(403);
    expect((await fetch(`${host.origin}/?token=guess`)).status).toBe(403);
  });

  it('trades the token for an HttpOnly cookie and injects the web bridge before the app', async () => {
    const cookie = await cookieFromToken();
    const response = await fetch(host.origin, { headers: { cookie } });
    const html = await response.text();
    expect(html.indexOf('web-bridge.js')).toBeGreaterThan(-1);
    expect(html.indexOf('web-bridge.js')).toBeLessThan(html.indexOf('assets/app.js'));
  });

  it('does not serve files outside the renderer folder', async () => {
    const cookie = await cookieFromToken();
    const response = await fetch(`${host.origin}/..%2Fsecret.txt`, { headers: { cookie } });
    expect(response.status).toBe(404);
  });

  it('refuses the DeskApi socket to another origin or without the cookie', async () => {
    const cookie = await cookieFromToken();
    await expect(openSocket({ cookie, origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(openSocket({ origin: host.origin })).rejects.toThrow(/403/);
  });

  it('answers DeskApi calls and refuses malformed input with the field named', async () => {
    const ws = await openSocket({ cookie: await cookieFromToken(), origin: host.origin });
    expect(await call(ws, 1, 'session.get', {})).toEqual({ ok: true, value: { user: null, serverUrl: 'http://127.0.0.1:9' } });
    expect(await call(ws, 2, 'session.login', { email: '', password: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^email:/) } });
    expect(await call(ws, 3, 'tickets.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    ws.close();
  });
});
