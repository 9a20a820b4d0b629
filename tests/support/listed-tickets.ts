import type { DeskCore } from '../../src/main/core/desk-core.js';
import type { DeskInput } from '../../src/shared/desk-api/contract.js';
import { queueRowsOf } from '../../src/shared/queue/queue-listing.js';
import type { QueueRow } from '../../src/shared/queue/queue-row.js';

/** The desk's tickets.list as the console reads it: its queue rows, in the default order. */
export async function listedTickets(desk: Pick<DeskCore, 'api'>, input: DeskInput<'tickets.list'> = {}): Promise<QueueRow[]> {
  return queueRowsOf(await desk.api['tickets.list'](input));
}
