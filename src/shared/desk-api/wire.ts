import { z } from 'zod';
import { deskErrorCodes } from './contract.js';

/** The envelope both bridges carry: a call, its answer, or an event. */
export const DeskCallSchema = z.object({
  kind: z.literal('call'),
  id: z.number().int(),
  method: z.string(),
  input: z.unknown(),
});
export type DeskCall = z.infer<typeof DeskCallSchema>;

export const DeskErrorPayloadSchema = z.object({
  code: z.enum(deskErrorCodes),
  message: z.string(),
});
export type DeskErrorPayload = z.infer<typeof DeskErrorPayloadSchema>;

export type DeskResult = { ok: true; value: unknown } | { ok: false; error: DeskErrorPayload };

export type DeskServerFrame =
  | { kind: 'result'; id: number; result: DeskResult }
  | { kind: 'event'; event: string; payload: unknown };

/** What the preload bridge (or its web twin) exposes on `window.desk`. */
export interface DeskBridge {
  invoke(method: string, input: unknown): Promise<DeskResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** Electron IPC channels carrying DeskApi. */
export const deskIpcChannels = { call: 'desk:call', event: 'desk:event' } as const;
