import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { replicaMigrations } from './migrations.js';
import { Outbox } from './outbox.js';

/** The outbox on the replica's own tables (the migration that made them), with its state in memory. */
function openOutbox(): Outbox {
  const db = new Database(':memory:');
  db.exec(replicaMigrations[1]!);
  const state = new Map<string, string>();
  return new Outbox(db, { get: (key) => state.get(key) ?? null, set: (key, value) => void state.set(key, value) });
}

const ticketId = '0b5c1f3e-8a43-4f4e-9b8e-3d7c2a1e5f60';
const note = (body: string) => ({ name: 'ticket.note' as const, args: { ticketId, body, writtenAt: '2026-11-24T02:00:00.000Z' }, createdAt: '2026-11-24T02:00:00.000Z' });

describe('outbox', () => {
  it('carries the unsent mutations over to a fresh client numbered from 1, in order, keeping refused ones listed', () => {
    const outbox = openOutbox();
    const old = outbox.clientIdFor('u-olga');
    for (const body of ['confirmed', 'refused', 'unsent one', 'unsent two']) outbox.enqueue(old, note(body));
    outbox.confirmUpTo(old, 1);
    outbox.refuse(old, 2, { code: 'not_found', message: 'gone' });
    const before = outbox.unconfirmed(old);
    // A server that lost this client expects 1; the first this client still has to send is 3.
    expect(outbox.nextToSend(old)).toBe(3);

    const fresh = outbox.carryOver('u-olga', old);

    expect(fresh).not.toBe(old);
    expect(outbox.clientIdFor('u-olga')).toBe(fresh);
    expect(outbox.unconfirmed(old)).toEqual([]);
    expect(outbox.view(old)).toEqual({ waiting: 0, refused: [] });
    const after = outbox.unconfirmed(fresh);
    expect(after.map((e) => [e.mutation.id, e.mutation.args])).toEqual([
      [1, before[0]!.mutation.args],
      [2, before[1]!.mutation.args],
    ]);
    // The overlay is keyed by local ids: the agent's pending notes stay the same rows on screen.
    expect(after.map((e) => e.localId)).toEqual(before.map((e) => e.localId));
    expect(outbox.view(fresh).refused).toMatchObject([{ id: 0, args: { body: 'refused' }, rejection: { code: 'not_found' } }]);
    expect(outbox.nextToSend(fresh)).toBe(1);
    expect(outbox.enqueue(fresh, note('written after'))).toBe(3);
    expect(outbox.discard(fresh, 0)).toBe(ticketId);
    expect(outbox.view(fresh)).toMatchObject({ waiting: 3, refused: [] });
  });

  it('with nothing unsent, the next id to send is the next one to be given', () => {
    const outbox = openOutbox();
    const client = outbox.clientIdFor('u-sam');
    expect(outbox.nextToSend(client)).toBe(1);
    outbox.enqueue(client, note('sent'));
    outbox.confirmUpTo(client, 1);
    expect(outbox.nextToSend(client)).toBe(2);
    const fresh = outbox.carryOver('u-sam', client);
    expect(outbox.nextToSend(fresh)).toBe(1);
  });
});
