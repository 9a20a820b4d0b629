import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { deskSocketPath, type DeskServerFrame } from '../../../shared/desk-api/bridge.js';
import { DeskCallSchema } from '../../../shared/desk-api/wire.js';
import type { DeskService } from '../desk-service.js';
import { readRendererFile } from './static-files.js';

const COOKIE = 'shiftdesk_console';

export interface BrowserHostOptions {
  core: DeskService;
  rendererDir: string;
  port: number;
}

export interface BrowserHost {
  /** The URL to open, with the access token, as printed to the person who started it. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function cookieValue(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return undefined;
}

/**
 * Serves the console to a browser on this machine only. Like Jupyter, it opens with the token in
 * the printed URL, which is traded for an HttpOnly cookie; anything else on the machine (another
 * user's browser, a web page probing localhost) gets neither the files nor the DeskApi socket.
 */
export async function startBrowserHost({ core, rendererDir, port }: BrowserHostOptions): Promise<BrowserHost> {
  const accessToken = randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  let origin = '';

  const server: Server = createServer((request, response) => void serve(request, response));

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token') ?? undefined, accessToken)) return refuse(response);
      response.writeHead(302, {
        'set-cookie': `${COOKIE}=${accessToken}; HttpOnly; SameSite=Strict; Path=/`,
        location: '/',
      });
      response.end();
      return;
    }
    if (!sameSecret(cookieValue(request), accessToken)) return refuse(response);
    const file = request.method === 'GET' ? await readRendererFile(rendererDir, url.pathname) : null;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    response.end(file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const allowed =
      new URL(request.url ?? '/', origin).pathname === deskSocketPath &&
      request.headers.origin === origin &&
      sameSecret(cookieValue(request), accessToken);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', async (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(String(data));
      } catch {
        frame = null;
      }
      const call = DeskCallSchema.safeParse(frame);
      if (!call.success) return;
      const result = await core.call(call.data.method, call.data.input);
      send(ws, { kind: 'result', id: call.data.id, result });
    });
  });

  const stopEvents = core.onEvent((event, payload) => {
    for (const ws of sockets) send(ws, { kind: 'event', event, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/?token=${accessToken}`,
    origin,
    async close() {
      stopEvents();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // A browser tab left open holds keep-alive connections that would keep close() waiting.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(ws: WebSocket, frame: DeskServerFrame): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}

function refuse(response: ServerResponse): void {
  response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('Shiftdesk console: open the URL with the access token that `npm start` printed.');
}
