import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Escalation } from '../../../shared/domain/escalation.js';
import type { Queue, User } from '../../../shared/domain/people.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import { makeServerEscalation } from '../../../shared/alerts/fixtures.js';
import { Replica } from './replica.js';
import { storedChange } from './stored-change.js';

const root = mkdtempSync(join(tmpdir(), 'shiftdesk-escalations-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const marta: User = { id: 'u-agent', email: 'agent@demo', name: 'Marta Nowak', role: 'agent', tier: 1, locale: 'en', timeZone: 'Europe/Warsaw', queueIds: ['billing', 'general'] };
const piotr: User = { id: 'u-tier2', email: 'tier2@demo', name: 'Piotr Zieliński', role: 'agent', tier: 2, locale: 'pl', timeZone: 'Europe/Warsaw', queueIds: ['network'] };
const at = '2026-11-23T10:00:00.000Z';
const queues: Queue[] = [
  { id: 'general', name: 'General', tier: 1 },
  { id: 'network', name: 'Network', tier: 2 },
  { id: 'platform', name: 'Platform', tier: 3 },
];

const ticket: Ticket = {
  id: randomUUID(),
  number: 1042,
  subject: 'VPN drops every 10 minutes',
  requesterName: 'Anna Kowalska',
  requesterEmail: 'anna@hurtownia-lux.example',
  channel: 'email',
  priority: 'high',
  customerTier: 'premium',
  type: 'incident',
  status: 'open',
  queueId: 'general',
  assigneeId: null,
  createdAt: at,
  updatedAt: at,
  firstRespondedAt: null,
  solvedAt: null,
  tags: [],
  sla: null,
};

/** An escalation of this ticket as the server sends it, paging Piotr. */
const paging = (overrides: Partial<Escalation> = {}): Escalation =>
  makeServerEscalation({ id: randomUUID(), ticketId: ticket.id, ticketNumber: ticket.number, ticketSubject: ticket.subject, escalatedAt: at, ...overrides });

function replicaOf(user: User, ...escalations: Escalation[]) {
  const replica = new Replica(join(root, `${randomUUID()}.sqlite`));
  let seq = 0;
  replica.applyPull(
    [
      ...queues.map((row) => storedChange({ seq: ++seq, scope: 'shared', entity: 'queue', op: 'upsert', row })),
      storedChange({ seq: ++seq, scope: 'queue:general', entity: 'ticket', op: 'upsert', row: ticket }),
      ...escalations.map((row) => storedChange({ seq: ++seq, scope: `user:${user.id}`, entity: 'escalation', op: 'upsert', row })),
    ],
    { shared: seq, 'queue:general': seq, [`user:${user.id}`]: seq },
    null,
  );
  return { replica, clientId: replica.outbox.clientIdFor(user.id) };
}

describe('escalations in the replica', () => {
  it('shows an escalation made here at once, with where it goes and why, and rolls a refused one back exactly', () => {
    const { replica, clientId } = replicaOf(marta);
    const escalationId = randomUUID();
    const id = replica.outbox.enqueue(clientId, { name: 'ticket.escalate', args: { ticketId: ticket.id, escalationId, target: { tier: 2 }, reason: 'Packet loss on the uplink.' }, createdAt: at });
    expect(replica.refreshOverlay(clientId, marta).escalationIds).toEqual([escalationId]);
    const [shown] = replica.listMyEscalations(marta.id, 10);
    expect(shown).toMatchObject({
      id: escalationId,
      ticketNumber: 1042,
      from: { tier: 1, queueId: 'general', queueName: 'General' },
      to: { tier: 2, queueId: 'network', queueName: 'Network' },
      trigger: 'manual',
      reason: 'Packet loss on the uplink.',
      escalatedBy: { userId: 'u-agent', name: 'Marta Nowak' },
      state: 'paging',
      paged: [],
      pending: true,
    });
    expect(replica.listTicketEscalations(ticket.id).map((e) => e.id)).toEqual([escalationId]);

    replica.outbox.refuse(clientId, id, { code: 'not_found', message: 'Ticket is not in your queues any more' });
    expect(replica.refreshOverlay(clientId, marta).escalationIds).toEqual([escalationId]);
    expect(replica.listMyEscalations(marta.id, 10)).toEqual([]);
    expect(replica.getEscalation(escalationId)).toBeNull();
    replica.close();
  });

  it('lists only escalations that concern the user (and, for supervisors, those run out), newest first, and overlays an acknowledgement and a decline', () => {
    const older = paging({ escalatedAt: '2026-11-23T09:00:00.000Z' });
    const newer = paging();
    const elsewhere = paging({ paged: [], pages: [], escalatedBy: { userId: 'u-agent2', name: 'Jānis Bērziņš' }, escalatedAt: '2026-11-23T11:00:00.000Z' });
    const ranOut = paging({ state: 'exhausted', paged: [], pages: [], escalatedBy: { userId: 'u-agent2', name: 'Jānis Bērziņš' }, escalatedAt: '2026-11-23T08:00:00.000Z' });
    const { replica, clientId } = replicaOf(piotr, older, newer, elsewhere, ranOut);
    expect(replica.listMyEscalations(piotr.id, 10).map((e) => e.id)).toEqual([newer.id, older.id]);
    expect(replica.listMyEscalations(piotr.id, 1).map((e) => e.id)).toEqual([newer.id]);
    // A supervisor's list also holds the ladders that ran out.
    expect(replica.listMyEscalations(piotr.id, 10, { exhausted: true }).map((e) => e.id)).toEqual([newer.id, older.id, ranOut.id]);

    replica.outbox.enqueue(clientId, { name: 'escalation.acknowledge', args: { escalationId: newer.id }, createdAt: '2026-11-23T10:02:00.000Z' });
    replica.outbox.enqueue(clientId, { name: 'escalation.decline', args: { escalationId: older.id, reason: 'In the datacenter cage.' }, createdAt: '2026-11-23T10:03:00.000Z' });
    expect(new Set(replica.refreshOverlay(clientId, piotr).escalationIds)).toEqual(new Set([newer.id, older.id]));
    expect(replica.getEscalation(newer.id)).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: { userId: 'u-tier2', name: 'Piotr Zieliński' },
      acknowledgedAt: '2026-11-23T10:02:00.000Z',
      paged: [],
      nextTimeoutAt: null,
      acknowledgementPending: true,
      declinePending: false,
    });
    expect(replica.getEscalation(older.id)).toMatchObject({
      state: 'paging',
      paged: [],
      declines: [{ userId: 'u-tier2', name: 'Piotr Zieliński', reason: 'In the datacenter cage.', at: '2026-11-23T10:03:00.000Z' }],
      declinePending: true,
    });
    // The server's answer replaces the overlay once the mutations leave the outbox.
    replica.applyPull([storedChange({ seq: 100, scope: 'user:u-tier2', entity: 'escalation', op: 'upsert', row: { ...newer, state: 'acknowledged', acknowledgedBy: { userId: 'u-tier2', name: 'Piotr Zieliński' }, acknowledgedAt: '2026-11-23T10:02:01.000Z', paged: [], nextTimeoutAt: null } })], { 'user:u-tier2': 100 }, { clientId, lastMutationId: 2, user: piotr });
    expect(replica.getEscalation(newer.id)).toMatchObject({ acknowledgedAt: '2026-11-23T10:02:01.000Z', acknowledgementPending: false });
    expect(replica.getEscalation(older.id)).toMatchObject({ declines: [], declinePending: false });
    replica.close();
  });
});
