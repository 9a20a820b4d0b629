import type { DeskErrorCode } from './errors.js';

/** What the preload bridge (or its web twin) exposes on `window.desk`. Zod-free: see errors.ts. */
export interface DeskErrorPayload {
  code: DeskErrorCode;
  message: string;
}

export type DeskResult = { ok: true; value: unknown } | { ok: false; error: DeskErrorPayload };

/** Frames from the core to a bridge: the answer to a call, or an event. */
export type DeskServerFrame =
  | { kind: 'result'; id: number; result: DeskResult }
  | { kind: 'event'; event: string; payload: unknown };

export interface DeskBridge {
  invoke(method: string, input: unknown): Promise<DeskResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** Where the browser host serves DeskApi over a WebSocket. */
export const deskSocketPath = '/desk';

/** Electron IPC channels carrying DeskApi. */
export const deskIpcChannels = { call: 'desk:call', event: 'desk:event' } as const;
