import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HandoffNote } from '../../../shared/domain/handoff.js';
import type { User } from '../../../shared/domain/people.js';
import { Replica } from './replica.js';
import { storedChange } from './stored-change.js';

const root = mkdtempSync(join(tmpdir(), 'shiftdesk-handoffs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const olga: User = { id: 'u-agent3', email: 'agent3@demo', name: 'Olga Smirnova', role: 'agent', tier: 1, locale: 'ru', timeZone: 'Europe/Riga', queueIds: ['billing'] };
const night = '2026-11-23T05:50:00.000Z';

const serverNote = (overrides: Partial<HandoffNote> = {}): HandoffNote => ({
  id: randomUUID(),
  queueId: 'billing',
  authorId: 'u-agent',
  authorName: 'Marta Nowak',
  body: 'Invoice run finished; three VAT corrections pending.',
  createdAt: '2026-11-23T05:00:00.000Z',
  acknowledgements: [],
  ...overrides,
});

const upsert = (seq: number, row: HandoffNote) => storedChange({ seq, scope: row.queueId === null ? 'shared' : `queue:${row.queueId}`, entity: 'handoff', op: 'upsert', row });

function replicaWith(...notes: HandoffNote[]) {
  const replica = new Replica(join(root, `${randomUUID()}.sqlite`));
  replica.applyPull(notes.map((note, i) => upsert(i + 1, note)), { 'queue:billing': notes.length, shared: notes.length }, null);
  const clientId = replica.outbox.clientIdFor(olga.id);
  return { replica, clientId };
}

describe('handoff notes in the replica', () => {
  it('lists the replica’s notes newest first', () => {
    const older = serverNote({ createdAt: '2026-11-23T01:00:00.000Z' });
    const newer = serverNote({ createdAt: '2026-11-23T04:00:00.000Z', queueId: null });
    const { replica } = replicaWith(older, newer);
    expect(replica.listHandoffs(10).map((note) => [note.id, note.pending])).toEqual([
      [newer.id, false],
      [older.id, false],
    ]);
    expect(replica.listHandoffs(1)).toHaveLength(1);
    replica.close();
  });

  it('shows a note written offline at once, waiting to send, and rolls a refused one back exactly', () => {
    const existing = serverNote();
    const { replica, clientId } = replicaWith(existing);
    const before = replica.listHandoffs(10);
    const handoffId = randomUUID();

    const id = replica.outbox.enqueue(clientId, { name: 'handoff.write', args: { handoffId, queueId: 'billing', body: 'Gateway declined 3-D Secure twice at 02:30.', writtenAt: night }, createdAt: night });
    expect(replica.refreshOverlay(clientId, olga).handoffIds).toEqual([handoffId]);
    const [written] = replica.listHandoffs(10);
    expect(written).toEqual({
      id: handoffId,
      queueId: 'billing',
      authorId: 'u-agent3',
      authorName: 'Olga Smirnova',
      body: 'Gateway declined 3-D Secure twice at 02:30.',
      createdAt: night,
      writtenAt: night,
      acknowledgements: [],
      pending: true,
      acknowledgementPending: false,
    });

    replica.outbox.refuse(clientId, id, { code: 'forbidden', field: 'queueId', message: 'You do not work in queue "billing"' });
    expect(replica.refreshOverlay(clientId, olga).handoffIds).toEqual([handoffId]);
    expect(replica.listHandoffs(10)).toEqual(before);
    expect(replica.getHandoff(handoffId)).toBeNull();
    replica.close();
  });

  it('shows an acknowledgement at once on the replica’s note, and a refused one leaves the note as it was', () => {
    const note = serverNote({ acknowledgements: [{ agentId: 'u-supervisor', agentName: 'Ewa Wiśniewska', at: '2026-11-23T05:10:00.000Z' }] });
    const { replica, clientId } = replicaWith(note);
    const before = replica.getHandoff(note.id);

    const id = replica.outbox.enqueue(clientId, { name: 'handoff.acknowledge', args: { handoffId: note.id }, createdAt: night });
    // Twice in the outbox (two clicks, or online and offline): still one acknowledgement on screen.
    replica.outbox.enqueue(clientId, { name: 'handoff.acknowledge', args: { handoffId: note.id }, createdAt: night });
    replica.refreshOverlay(clientId, olga);
    expect(replica.getHandoff(note.id)).toMatchObject({
      pending: false,
      acknowledgementPending: true,
      acknowledgements: [note.acknowledgements[0], { agentId: 'u-agent3', agentName: 'Olga Smirnova', at: night }],
    });

    replica.outbox.refuse(clientId, id, { code: 'not_found', message: 'No handoff note' });
    replica.outbox.refuse(clientId, id + 1, { code: 'not_found', message: 'No handoff note' });
    replica.refreshOverlay(clientId, olga);
    expect(replica.getHandoff(note.id)).toEqual(before);
    replica.close();
  });

  it('once the server’s note arrives and the mutation is confirmed, it shows once and no longer waits', () => {
    const { replica, clientId } = replicaWith();
    const write = (body: string) => {
      const handoffId = randomUUID();
      replica.outbox.enqueue(clientId, { name: 'handoff.write', args: { handoffId, queueId: null, body, writtenAt: night }, createdAt: night });
      replica.refreshOverlay(clientId, olga);
      return serverNote({ id: handoffId, queueId: null, authorId: olga.id, authorName: olga.name, body, createdAt: '2026-11-23T06:40:00.000Z', writtenAt: night });
    };

    // Confirmed by the page that brings it: both happen in one transaction.
    const pulled = write('Whole desk: portal maintenance 22:00.');
    const applied = replica.applyPull([upsert(5, pulled)], { shared: 5 }, { clientId, lastMutationId: 1, user: olga });
    expect(applied.handoffIds).toEqual([pulled.id]);
    expect(replica.outbox.view(clientId).waiting).toBe(0);
    expect(replica.listHandoffs(10)).toEqual([{ ...pulled, pending: false, acknowledgementPending: false }]);

    // Pushed before a pull confirms it: the replica's row, not a second copy, and no longer waiting.
    const pushed = write('Whole desk: fire drill at 11:00.');
    replica.applyPushed('shared', 5, 6, [upsert(6, { ...pushed, createdAt: '2026-11-23T06:45:00.000Z' })]);
    replica.refreshOverlay(clientId, olga);
    expect(replica.outbox.view(clientId).waiting).toBe(1);
    expect(replica.listHandoffs(10).map((note) => [note.body, note.pending])).toEqual([
      ['Whole desk: fire drill at 11:00.', false],
      ['Whole desk: portal maintenance 22:00.', false],
    ]);
    replica.close();
  });

  it('keeps a refused handoff note in the outbox with its text, and it is about no ticket', () => {
    const { replica, clientId } = replicaWith();
    const id = replica.outbox.enqueue(clientId, { name: 'handoff.write', args: { handoffId: randomUUID(), queueId: 'network', body: 'Routers', writtenAt: night }, createdAt: night });
    replica.outbox.refuse(clientId, id, { code: 'forbidden', field: 'queueId', message: 'no' });
    expect(replica.outbox.view(clientId).refused).toEqual([expect.objectContaining({ id, name: 'handoff.write', ticketId: null, args: expect.objectContaining({ body: 'Routers' }) })]);
    expect(replica.outbox.discard(clientId, id)).toBeNull();
    replica.close();
  });

  it('forgets pulled notes on reset, and every overlay on clear, but never the outbox', () => {
    const { replica, clientId } = replicaWith(serverNote());
    replica.outbox.enqueue(clientId, { name: 'handoff.write', args: { handoffId: randomUUID(), queueId: null, body: 'Mine', writtenAt: night }, createdAt: night });
    replica.refreshOverlay(clientId, olga);
    replica.resetSynced();
    expect(replica.listHandoffs(10).map((note) => note.body)).toEqual(['Mine']);
    replica.clear();
    expect(replica.listHandoffs(10)).toEqual([]);
    expect(replica.outbox.view(clientId).waiting).toBe(1);
    // Signing in again rebuilds what waits.
    replica.refreshOverlay(clientId, olga);
    expect(replica.listHandoffs(10).map((note) => note.body)).toEqual(['Mine']);
    replica.close();
  });

  it('a deleted note leaves the replica', () => {
    const note = serverNote();
    const { replica } = replicaWith(note);
    const applied = replica.applyPull([storedChange({ seq: 9, scope: 'queue:billing', entity: 'handoff', op: 'delete', rowId: note.id })], { 'queue:billing': 9 }, null);
    expect(applied.handoffIds).toEqual([note.id]);
    expect(replica.listHandoffs(10)).toEqual([]);
    replica.close();
  });
});

describe('searching handoff notes offline', () => {
  it('finds the replica’s notes and those written here by every word, as prefixes, without diacritics, newest first', () => {
    const vpn = serverNote({ body: 'VPN concentrator in Rīga flapped; vendor answers by 9:00.', createdAt: '2026-11-23T01:00:00.000Z' });
    const refund = serverNote({ body: 'Refund batch approved.', authorName: 'Jānis Bērziņš', createdAt: '2026-11-23T02:00:00.000Z' });
    const { replica, clientId } = replicaWith(vpn, refund);
    const handoffId = randomUUID();
    replica.outbox.enqueue(clientId, { name: 'handoff.write', args: { handoffId, queueId: 'billing', body: 'Riga VPN back at 05:10.', writtenAt: night }, createdAt: night });
    replica.refreshOverlay(clientId, olga);

    const found = (query: string) => replica.searchHandoffs(query, 10).map((note) => [note.id, note.pending]);
    expect(found('riga vpn')).toEqual([
      [handoffId, true],
      [vpn.id, false],
    ]);
    expect(found('janis refu')).toEqual([[refund.id, false]]);
    expect(found('concentr vendor 9')).toEqual([[vpn.id, false]]);
    expect(found('NEAR( "')).toEqual([]);
    expect(found('vpn AND nothing')).toEqual([]);
    replica.close();
  });

  it('follows the replica: an updated note is found by its new state, a deleted or refused one no more', () => {
    const note = serverNote({ body: 'Invoice run stuck at 80 %.' });
    const { replica, clientId } = replicaWith(note);
    replica.applyPushed('queue:billing', 1, 2, [upsert(2, { ...note, acknowledgements: [{ agentId: 'u-agent3', agentName: 'Olga Smirnova', at: night }] })]);
    expect(replica.searchHandoffs('invoice', 10).map((found) => found.acknowledgements.length)).toEqual([1]);
    replica.applyPull([storedChange({ seq: 3, scope: 'queue:billing', entity: 'handoff', op: 'delete', rowId: note.id })], { 'queue:billing': 3 }, null);
    expect(replica.searchHandoffs('invoice', 10)).toEqual([]);

    const id = replica.outbox.enqueue(clientId, { name: 'handoff.write', args: { handoffId: randomUUID(), queueId: null, body: 'Invoice run restarted.', writtenAt: night }, createdAt: night });
    replica.refreshOverlay(clientId, olga);
    expect(replica.searchHandoffs('invoice', 10)).toHaveLength(1);
    replica.outbox.refuse(clientId, id, { code: 'forbidden', message: 'no' });
    replica.refreshOverlay(clientId, olga);
    expect(replica.searchHandoffs('invoice', 10)).toEqual([]);
    replica.close();
  });
});

describe('handoff drafts in the replica', () => {
  const shift = { rotationId: 'tier1-follow-the-sun', shiftId: 'riga-day', end: '2026-11-23T14:00:00.000Z' };

  it('keeps each agent’s draft across a reopen and when another agent signs in; an empty note draft is forgotten', () => {
    const file = join(root, `${randomUUID()}.sqlite`);
    let replica = new Replica(file);
    replica.handoffDrafts.save('u-agent3', { queueId: 'billing', body: 'Half a thought', shift, updatedAt: night });
    replica.handoffDrafts.save('u-agent', { queueId: null, body: 'Marta’s note', shift: null, updatedAt: night });
    replica.clear();
    replica.close();

    replica = new Replica(file);
    expect(replica.handoffDrafts.get('u-agent3')).toEqual({ queueId: 'billing', body: 'Half a thought', shift, updatedAt: night });
    expect(replica.handoffDrafts.save('u-agent', { queueId: null, body: '', shift: null, updatedAt: night })).toBeNull();
    expect(replica.handoffDrafts.get('u-agent')).toBeNull();
    // A shift's draft emptied by the agent is still the shift's draft: it stays.
    expect(replica.handoffDrafts.save('u-agent3', { queueId: 'billing', body: '', shift, updatedAt: night })).toMatchObject({ body: '', shift });
    replica.close();
  });

  it('knows which shifts the replica holds a handover of, by author and shift', () => {
    const handover = { ...shift, incomingStart: shift.end, acknowledgeBy: '2026-11-23T14:30:00.000Z' };
    const { replica } = replicaWith(serverNote({ authorId: 'u-agent3', handover }));
    expect(replica.findHandover('u-agent3', shift)).toBe(true);
    expect(replica.findHandover('u-agent3', { ...shift, end: '2026-11-24T14:00:00.000Z' })).toBe(false);
    expect(replica.findHandover('u-agent2', shift)).toBe(false);
    replica.close();
  });
});
