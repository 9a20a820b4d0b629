import type { DeskResult } from '../../../shared/desk-api/bridge.js';

/** What the host thread hands the core's worker when it starts it. */
export interface DeskWorkerData {
  dataDir: string;
  serverUrl: string;
  secretsFile: string;
  handoffDraftMinutes?: number;
}

export type ToWorker = { type: 'call'; id: number; method: unknown; input: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: DeskResult }
  | { type: 'event'; event: string; payload: unknown };
