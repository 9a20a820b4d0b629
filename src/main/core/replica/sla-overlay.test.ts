import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/domain/people.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import { compilePolicy, evaluateSla } from '../../../shared/sla/engine.js';
import { SlaPolicySchema } from '../../../shared/sla/policy.js';
import { Replica } from './replica.js';
import { storedChange } from './stored-change.js';

const root = mkdtempSync(join(tmpdir(), 'shiftdesk-sla-overlay-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const policy = SlaPolicySchema.parse({
  calendars: { always: { timeZone: 'UTC', hours: '24/7' } },
  rules: [{ id: 'premium', name: 'Premium', targets: { firstResponse: 15, resolution: 240 }, calendar: 'always' }],
});
const ilze: User = { id: 'u-agent2', email: 'agent2@demo', name: 'Ilze Bērziņa', role: 'agent', tier: 1, locale: 'lv', timeZone: 'Europe/Riga', queueIds: ['general'] };
const created = Date.parse('2026-11-24T01:00:00.000Z');
const minutes = (m: number) => new Date(created + m * 60_000).toISOString();

function openTicket(): Ticket {
  const facts = { createdAt: created, events: [{ kind: 'status' as const, at: created, status: 'open' as const }] };
  const { snapshot } = evaluateSla(compilePolicy(policy), { customerTier: 'premium', channel: 'chat', priority: 'high', type: 'incident' }, facts, created + 60_000)!;
  return {
    id: randomUUID(), number: 1042, subject: 'VPN drops every 10 minutes', requesterName: 'Jānis Kalniņš', requesterEmail: 'janis@example.lv',
    channel: 'chat', priority: 'high', customerTier: 'premium', type: 'incident', status: 'open', queueId: 'general', assigneeId: null,
    createdAt: minutes(0), updatedAt: minutes(1), firstRespondedAt: null, solvedAt: null, sla: snapshot, tags: [],
  };
}

function replicaWith(ticket: Ticket, withPolicy: boolean) {
  const replica = new Replica(join(root, `${randomUUID()}.sqlite`));
  const changes = [storedChange({ seq: 1, scope: 'queue:general', entity: 'ticket', op: 'upsert', row: ticket })];
  if (withPolicy) changes.push(storedChange({ seq: 2, scope: 'shared', entity: 'slaPolicy', op: 'upsert', row: { id: 'current', version: 1, policy } }));
  replica.applyPull(changes, { 'queue:general': 2, shared: 2 }, null);
  const clientId = replica.outbox.clientIdFor(ilze.id);
  replica.outbox.enqueue(clientId, { name: 'ticket.setStatus', args: { ticketId: ticket.id, from: 'open', to: 'pending' }, createdAt: minutes(6) });
  replica.refreshOverlay(clientId, ilze);
  return replica;
}

const clock = (ticket: Ticket | undefined, kind: string) => ticket?.sla?.clocks.find((c) => c.kind === kind);

describe('SLA countdowns in the overlay', () => {
  it('stop the moment the agent sets pending here, with the time that was left', () => {
    const ticket = openTicket();
    const replica = replicaWith(ticket, true);
    const shown = replica.getTicket(ticket.id)?.ticket;
    expect(shown?.status).toBe('pending');
    expect(clock(shown, 'firstResponse')).toMatchObject({ state: 'paused', pausedBy: 'pending', dueAt: null, remainingMinutes: 9 });
    expect(clock(shown, 'resolution')).toMatchObject({ state: 'paused', remainingMinutes: 234 });
    // The replica row is untouched: a refused change brings back the server's clocks exactly.
    const clientId = replica.outbox.clientIdFor(ilze.id);
    replica.outbox.refuse(clientId, replica.outbox.unconfirmed(clientId)[0]!.mutation.id, { code: 'conflict', message: 'status is now solved', current: 'solved' });
    replica.refreshOverlay(clientId, ilze);
    expect(replica.getTicket(ticket.id)?.ticket.sla).toEqual(ticket.sla);
    replica.close();
  });

  it('keep the server’s snapshot while the console has no policy to count with', () => {
    const ticket = openTicket();
    const replica = replicaWith(ticket, false);
    const shown = replica.getTicket(ticket.id)?.ticket;
    expect(shown?.status).toBe('pending');
    expect(shown?.sla).toEqual(ticket.sla);
    replica.close();
  });
});
