import { deskSocketPath, type DeskBridge, type DeskResult, type DeskServerFrame } from '../../shared/desk-api/bridge.js';

/**
 * The preload's twin for the browser host: the same `window.desk` over a WebSocket to the core.
 * Calls made while the socket is (re)connecting wait for it, so the app starts without races and
 * survives a restarted host.
 */
const pending = new Map<number, (result: DeskResult) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const outbox: string[] = [];
let socket: WebSocket | null = null;
let nextId = 1;
let retryMs = 250;

function connect(): void {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${deskSocketPath}`);
  socket = ws;
  ws.addEventListener('open', () => {
    retryMs = 250;
    for (const frame of outbox.splice(0)) ws.send(frame);
  });
  ws.addEventListener('message', (message) => {
    const frame = JSON.parse(String(message.data)) as DeskServerFrame;
    if (frame.kind === 'result') {
      pending.get(frame.id)?.(frame.result);
      pending.delete(frame.id);
    } else {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
    }
  });
  ws.addEventListener('close', () => {
    // Calls in flight are lost with the socket; answer them so no screen waits for ever.
    for (const [id, resolve] of pending) {
      resolve({ ok: false, error: { code: 'unavailable', message: 'The console lost its connection to the desktop core' } });
      pending.delete(id);
    }
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  });
}

const bridge: DeskBridge = {
  invoke(method, input) {
    const id = nextId++;
    const frame = JSON.stringify({ kind: 'call', id, method, input });
    return new Promise<DeskResult>((resolve) => {
      pending.set(id, resolve);
      if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
      else outbox.push(frame);
    });
  },
  on(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
};

connect();
Object.defineProperty(window, 'desk', { value: Object.freeze(bridge), writable: false });
