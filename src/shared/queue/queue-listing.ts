import { z } from 'zod';
import type { SlaHeadline } from '../sla/countdown.js';
import { defaultQueueOrder, slaOrderKey } from './queue-order.js';
import { packChoices, unpackChoices, type QueueRow, type RowChoices } from './queue-row.js';

/** Columns with a value of their own in every row. */
const rowColumns = ['id', 'number', 'subject', 'choices', 'dueMs', 'warnMs'] as const;
/** Columns whose values repeat (a desk's few queues and agents, its customers writing again and again). */
const sharedColumns = ['requesterName', 'requesterEmail', 'queueId', 'assigneeId'] as const;
export type QueueListingColumn = (typeof rowColumns)[number] | (typeof sharedColumns)[number];

const SharedColumnSchema = z.object({ values: z.string(), refs: z.string() }).strict();
export type SharedColumn = z.infer<typeof SharedColumnSchema>;

/**
 * The queue's rows on their way from the replica to the window, as columns: each one the JSON text of
 * an array with a value per row (choices packed by packChoices, instants in epoch ms or null), all in
 * the same row order, and `order` the rows' places in the queue's default order. A shared column holds
 * its distinct values once and, per row, the place of the row's value among them.
 *
 * 100,000 tickets as objects were a 101 MB answer that took ~3 s per structured-clone hop (worker to
 * host, host to window); as strings they are ~13 MB that SQLite writes in C (json_group_array) and the
 * window parses with JSON.parse. What is left costs by the byte (cloning, parsing) and by the string
 * (the window's garbage collector copies every one that survives), hence the shared columns.
 */
export const QueueListingSchema = z
  .object({
    count: z.number().int().nonnegative(),
    columns: z.object(Object.fromEntries(rowColumns.map((name) => [name, z.string()])) as Record<(typeof rowColumns)[number], z.ZodString>).strict(),
    shared: z.object(Object.fromEntries(sharedColumns.map((name) => [name, SharedColumnSchema])) as Record<(typeof sharedColumns)[number], typeof SharedColumnSchema>).strict(),
    order: z.array(z.number().int().nonnegative()),
  })
  .strict();
export type QueueListing = z.infer<typeof QueueListingSchema>;

/** A column's values as a shared column: each distinct value once, and each row's place among them. */
export function sharedColumn(values: readonly unknown[]): SharedColumn {
  const places = new Map<unknown, number>();
  const refs = values.map((value) => {
    let place = places.get(value);
    if (place === undefined) places.set(value, (place = places.size));
    return place;
  });
  return { values: JSON.stringify([...places.keys()]), refs: JSON.stringify(refs) };
}

/** The listing of rows held in memory (the fake desk, tests, benchmarks); the core writes its own from SQL. */
export function queueListingOf(rows: readonly QueueRow[]): QueueListing {
  const column = (value: (row: QueueRow) => unknown) => JSON.stringify(rows.map(value));
  const shared = (value: (row: QueueRow) => unknown) => sharedColumn(rows.map(value));
  const counting = (row: QueueRow) => (row.sla.state === 'counting' ? row.sla : null);
  return {
    count: rows.length,
    columns: {
      id: column((row) => row.id),
      number: column((row) => row.number),
      subject: column((row) => row.subject),
      choices: column(packChoices),
      dueMs: column((row) => counting(row)?.dueMs ?? null),
      warnMs: column((row) => counting(row)?.warnMs ?? null),
    },
    shared: {
      requesterName: shared((row) => row.requesterName),
      requesterEmail: shared((row) => row.requesterEmail),
      queueId: shared((row) => row.queueId),
      assigneeId: shared((row) => row.assigneeId),
    },
    order: defaultQueueOrder(
      rows.map((row) => slaOrderKey(row.sla, row.priority)),
      rows.map((row) => row.number),
    ),
  };
}

/**
 * The rows of a listing, in its default order. Every column is checked for its length and every value
 * for its type as the rows are built, so a listing that does not hold together is refused whole.
 */
export function queueRowsOf(listing: QueueListing): QueueRow[] {
  const { count, order } = listing;
  const array = (name: string, text: string, length?: number): unknown[] => {
    const values: unknown = JSON.parse(text);
    if (!Array.isArray(values) || (length !== undefined && values.length !== length)) throw new Error(`queue listing: column ${name} does not have ${length} values`);
    return values;
  };
  const { id, number, subject, choices, dueMs, warnMs } = Object.fromEntries(rowColumns.map((name) => [name, array(name, listing.columns[name], count)])) as Record<
    (typeof rowColumns)[number],
    unknown[]
  >;
  const [names, emails, queues, assignees] = sharedColumns.map((name) => {
    const { values, refs } = listing.shared[name];
    return { values: array(name, values), refs: array(name, refs, count) as number[] };
  }) as [{ values: unknown[]; refs: number[] }, ...{ values: unknown[]; refs: number[] }[]];
  const valueOf = (column: { values: unknown[]; refs: number[] }, i: number) => column.values[column.refs[i]!];
  if (order.length !== count) throw new Error(`queue listing: the order does not have ${count} places`);
  const known = new Map<unknown, { choices: RowChoices; sla: SlaHeadline | null }>();
  const rows = new Array<QueueRow>(count);
  const placed = new Uint8Array(count);
  for (let place = 0; place < count; place++) {
    const i = order[place]!;
    if (placed[i] !== 0 || !(i < count)) throw new Error(`queue listing: the order names row ${i} twice or out of range`);
    placed[i] = 1;
    let packed = known.get(choices[i]);
    if (!packed) {
      if (typeof choices[i] !== 'number') throw new Error(`queue listing: row ${i} has no choices`);
      const unpacked = unpackChoices(choices[i]);
      packed = { choices: unpacked, sla: sharedHeadline(unpacked) };
      known.set(choices[i], packed);
    }
    const row = {
      id: id[i],
      number: number[i],
      subject: subject[i],
      requesterName: valueOf(names, i),
      requesterEmail: valueOf(emails!, i),
      channel: packed.choices.channel,
      priority: packed.choices.priority,
      customerTier: packed.choices.customerTier,
      status: packed.choices.status,
      queueId: valueOf(queues!, i),
      assigneeId: valueOf(assignees!, i),
      sla: packed.sla ?? { state: 'counting', target: packed.choices.slaTarget, dueMs: dueMs[i], warnMs: warnMs[i] },
    } as QueueRow;
    if (!wellTyped(row)) throw new Error(`queue listing: row ${i} is not a queue row`);
    rows[place] = row;
  }
  return rows;
}

/** Every row with the same choices and no running clock can share one headline: it holds nothing else. */
function sharedHeadline(choices: RowChoices): SlaHeadline | null {
  switch (choices.slaState) {
    case 'counting':
      return null;
    case 'paused':
      return Object.freeze({ state: 'paused', target: choices.slaTarget, pausedBy: choices.pausedBy });
    default:
      return Object.freeze({ state: choices.slaState });
  }
}

function wellTyped(row: QueueRow): boolean {
  return (
    typeof row.id === 'string' &&
    Number.isInteger(row.number) &&
    typeof row.subject === 'string' &&
    typeof row.requesterName === 'string' &&
    typeof row.requesterEmail === 'string' &&
    typeof row.queueId === 'string' &&
    (row.assigneeId === null || typeof row.assigneeId === 'string') &&
    (row.sla.state !== 'counting' || (Number.isFinite(row.sla.dueMs) && (row.sla.warnMs === null || Number.isFinite(row.sla.warnMs))))
  );
}
