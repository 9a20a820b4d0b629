import type { DeskEvent } from '../../src/shared/desk-api/contract.js';
import type { DeskService } from '../../src/main/core/desk-service.js';

/** The next event of a kind (and matching `matches`) from a core, in-process or in its worker. */
export function nextEvent(desk: DeskService, wanted: DeskEvent, matches: (payload: never) => boolean = () => true): Promise<unknown> {
  return new Promise((resolve) => {
    const stop = desk.onEvent((event, payload) => {
      if (event === wanted && matches(payload as never)) {
        stop();
        resolve(payload);
      }
    });
  });
}
