import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/domain/people.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import type { SavedView } from '../../../shared/queue/queue-view.js';
import { Replica } from './replica.js';
import { storedChange, type StoredChange } from './stored-change.js';

const root = mkdtempSync(join(tmpdir(), 'shiftdesk-queue-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const agent: User = { id: 'u-ilze', email: 'ilze@demo', name: 'Ilze Ozola', role: 'agent', tier: 1, locale: 'lv', timeZone: 'Europe/Riga', queueIds: ['general'] };
let seq = 0;

function ticket(number: number, overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: randomUUID(), number, subject: 'Printer offline', requesterName: 'Jan Kowalski', requesterEmail: 'jan@kowalski.example', channel: 'email',
    priority: 'medium', customerTier: 'standard', type: 'incident', status: 'open', queueId: 'general', assigneeId: null,
    createdAt: '2026-11-23T01:00:00.000Z', updatedAt: '2026-11-23T01:00:00.000Z', firstRespondedAt: null, solvedAt: null, tags: [], sla: null, ...overrides,
  };
}
const ticketChange = (row: Ticket): StoredChange => storedChange({ seq: ++seq, scope: 'queue:general', entity: 'ticket', op: 'upsert', row });
const messageChange = (ticketId: string, body: string): StoredChange =>
  storedChange({ seq: ++seq, scope: 'queue:general', entity: 'message', op: 'upsert', row: { id: randomUUID(), ticketId, authorKind: 'customer', authorName: 'Jan', body, isPublic: true, createdAt: '2026-11-23T02:00:00.000Z' } });
const deleteTicket = (id: string): StoredChange => storedChange({ seq: ++seq, scope: 'queue:general', entity: 'ticket', op: 'delete', rowId: id });
const pull = (replica: Replica, changes: StoredChange[]) => replica.applyPull(changes, { 'queue:general': seq, [`user:${agent.id}`]: seq }, null);

describe('ticket full-text search in the replica', () => {
  it('finds tickets by number, subject, requester, tag and message text, best match first, and follows changes', () => {
    const replica = new Replica(join(root, 'search.sqlite'));
    const printer = ticket(1042, { subject: 'Printer on fire in Riga office' });
    const vpn = ticket(1043, { subject: 'VPN drops every 10 minutes', requesterName: 'Łucja Wiśniewska', requesterEmail: 'lucja@baltic.example', tags: ['vpn', 'firmware'] });
    pull(replica, [ticketChange(printer), ticketChange(vpn), messageChange(vpn.id, 'The tunnel resets after the router firmware update')]);

    expect(replica.ticketSearch.search('1042', 10)).toEqual([printer.id]);
    expect(replica.ticketSearch.search('#1043', 10)).toEqual([vpn.id]);
    expect(replica.ticketSearch.search('printer riga', 10)).toEqual([printer.id]);
    expect(replica.ticketSearch.search('lucja', 10)).toEqual([vpn.id]); // diacritics folded
    expect(replica.ticketSearch.search('baltic.example', 10)).toEqual([vpn.id]);
    expect(replica.ticketSearch.search('firmw', 10)).toEqual([vpn.id]); // tag and message, prefix
    expect(replica.ticketSearch.search('tunnel', 10)).toEqual([vpn.id]);
    expect(replica.ticketSearch.search('tunnel" OR "printer', 10)).toEqual([]); // FTS syntax is inert: both words must appear
    expect(replica.ticketSearch.search('  ', 10)).toEqual([]);

    // A ticket renamed, a message arriving and a ticket leaving the replica are searched as they are now.
    pull(replica, [ticketChange({ ...printer, subject: 'Toner low' }), messageChange(printer.id, 'Paper jam on floor 3'), deleteTicket(vpn.id)]);
    expect(replica.ticketSearch.search('printer', 10)).toEqual([]);
    expect(replica.ticketSearch.search('toner', 10)).toEqual([printer.id]);
    expect(replica.ticketSearch.search('jam', 10)).toEqual([printer.id]);
    expect(replica.ticketSearch.search('tunnel', 10)).toEqual([]);
    replica.close();
  });

  it('is built once at the end of a first sync, and rebuilt when the replica is reset', () => {
    const file = join(root, 'bulk-search.sqlite');
    const replica = new Replica(file);
    expect(replica.beginBulkLoad()).toBe(true);
    const found = ticket(2001, { subject: 'Invoice question' });
    pull(replica, [ticketChange(found), messageChange(found.id, 'faktura VAT')]);
    expect(replica.ticketSearch.search('faktura', 10)).toEqual([]); // not yet: indexed at the end
    replica.endBulkLoad();
    expect(replica.ticketSearch.search('faktura', 10)).toEqual([found.id]);

    replica.resetSynced();
    expect(replica.ticketSearch.search('faktura', 10)).toEqual([]);
    replica.close();

    // A replica opened after a crash in the middle of a bulk load builds the index it was owed.
    const crashed = new Replica(join(root, 'crash-search.sqlite'));
    crashed.beginBulkLoad();
    pull(crashed, [ticketChange(found)]);
    crashed.close();
    const reopened = new Replica(join(root, 'crash-search.sqlite'));
    expect(reopened.ticketSearch.search('invoice', 10)).toEqual([found.id]);
    reopened.close();
  });
});

describe('saved views in the replica', () => {
  const view = (overrides: Partial<SavedView> = {}): SavedView => ({
    id: randomUUID(), ownerId: agent.id, name: 'Premium email', filters: { channel: ['email'], customerTier: ['premium'] }, sort: { column: 'sla', desc: false }, search: '',
    updatedAt: '2026-11-23T02:00:00.000Z', ...overrides,
  });
  const viewChange = (row: SavedView): StoredChange => storedChange({ seq: ++seq, scope: `user:${agent.id}`, entity: 'view', op: 'upsert', row });

  it('lists the agent’s views from the server with those saved or deleted here on top, and rolls back a refused one', () => {
    const replica = new Replica(join(root, 'views.sqlite'));
    const fromServer = view({ name: 'Billing backlog' });
    expect(pull(replica, [viewChange(fromServer)]).viewsChanged).toBe(true);
    expect(replica.views.list(agent.id).map((v) => [v.name, v.pending])).toEqual([['Billing backlog', false]]);

    const clientId = replica.outbox.clientIdFor(agent.id);
    const made = randomUUID();
    replica.outbox.enqueue(clientId, { name: 'view.save', args: { viewId: made, name: 'At night', filters: { sla: ['breached'] }, sort: { column: 'number', desc: true }, search: 'vpn' }, createdAt: '2026-11-23T03:00:00.000Z' });
    const deleteId = replica.outbox.enqueue(clientId, { name: 'view.delete', args: { viewId: fromServer.id }, createdAt: '2026-11-23T03:01:00.000Z' });
    expect(replica.refreshOverlay(clientId, agent).viewsChanged).toBe(true);
    expect(replica.views.list(agent.id).map((v) => [v.name, v.pending, v.search])).toEqual([['At night', true, 'vpn']]);

    // The server refused the deletion: the view is back as the server has it.
    replica.outbox.refuse(clientId, deleteId, { code: 'not_found', message: 'No view of yours' });
    replica.outbox.discard(clientId, deleteId);
    replica.refreshOverlay(clientId, agent);
    expect(replica.views.list(agent.id).map((v) => v.name)).toEqual(['At night', 'Billing backlog']);
    expect(replica.views.list('someone-else')).toEqual([]);
    replica.close();
  });
});
