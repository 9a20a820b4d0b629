import type { DeskResult } from '../../shared/desk-api/bridge.js';
import type { DeskEvent, DeskEventPayload } from '../../shared/desk-api/contract.js';

export type DeskEventListener = <E extends DeskEvent>(event: E, payload: DeskEventPayload<E>) => void;

/**
 * What a host (the Electron shell, the browser host) needs from the desktop core: validated calls in,
 * events out. The core itself runs in a worker thread behind this, so the replica's SQLite work never
 * holds up the process that talks to the window.
 */
export interface DeskService {
  /** Validates and runs one DeskApi call; malformed input and core errors come back as results. */
  call(method: unknown, input: unknown): Promise<DeskResult>;
  onEvent(listener: DeskEventListener): () => void;
  close(): Promise<void>;
}
