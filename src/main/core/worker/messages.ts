import type { DeskResult } from '../../../shared/desk-api/bridge.js';

/** What the host thread hands the core's worker when it starts it. */
export interface DeskWorkerData {
  dataDir: string;
  serverUrl: string;
  secretsFile: string;
  handoffDraftMinutes?: number;
  /** The host can hand remote-access links to the system: the core asks it to with an `openExternal` message. */
  opensExternal?: boolean;
}

export type ToWorker = { type: 'call'; id: number; method: unknown; input: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: DeskResult }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'openExternal'; url: string };
