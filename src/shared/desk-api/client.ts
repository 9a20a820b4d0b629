import type { DeskEvent, DeskEventPayload, DeskInput, DeskMethod, DeskOutput } from './contract.js';
import { DeskError } from './errors.js';
import type { DeskBridge } from './bridge.js';

/** The renderer's typed view of whichever bridge the host installed. */
export interface DeskClient {
  call<M extends DeskMethod>(method: M, input: DeskInput<M>): Promise<DeskOutput<M>>;
  on<E extends DeskEvent>(event: E, listener: (payload: DeskEventPayload<E>) => void): () => void;
}

export function createDeskClient(bridge: DeskBridge): DeskClient {
  return {
    async call(method, input) {
      const result = await bridge.invoke(method, input);
      if (!result.ok) throw new DeskError(result.error.code, result.error.message);
      return result.value as never;
    },
    on(event, listener) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}
