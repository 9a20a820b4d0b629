import { describe, expect, it } from 'vitest';
import { sendMutations, stageActions, withoutAction } from './apply.js';

const ticket = { id: '6f1c1d3e-58c2-4f4b-9a51-0d1c2b6f7a10', status: 'new' as const, priority: 'medium' as const, assigneeId: null, tags: ['vpn'] };
const file = { id: '0b7c4a52-7d0a-4b1e-9c55-5d3f0f5b9a01', filename: 'log.txt', contentType: 'text/plain', size: 12 };

describe('stageActions', () => {
  it('lets a later macro replace status, priority and assignee, and gathers tags', () => {
    const first = stageActions({}, { status: 'pending', priority: 'high', addTags: ['billing'], removeTags: ['vpn'] });
    const second = stageActions(first, { status: 'solved', assignee: { kind: 'me' }, addTags: ['vpn', 'refund'] });
    expect(second).toEqual({ status: 'solved', priority: 'high', assignee: { kind: 'me' }, addTags: ['billing', 'vpn', 'refund'] });
  });

  it('removes one chip and leaves the others', () => {
    expect(withoutAction({ status: 'solved', addTags: ['x'] }, 'status')).toEqual({ addTags: ['x'] });
  });
});

describe('sendMutations', () => {
  it('enqueues the reply with its files first, then each action from the value the ticket will have then', () => {
    const out = sendMutations({ kind: 'reply', body: '  Fixed.  ', files: [file], actions: { status: 'pending', priority: 'high', assignee: { kind: 'me' }, addTags: ['vpn', 'refund'], removeTags: ['vpn'] } }, ticket, 'u-1');
    expect(out).toEqual([
      { name: 'ticket.reply', args: { ticketId: ticket.id, body: 'Fixed.', attachments: [file] } },
      // The reply opens a new ticket, as on the server: the status changes from open.
      { name: 'ticket.setStatus', args: { ticketId: ticket.id, from: 'open', to: 'pending' } },
      { name: 'ticket.setPriority', args: { ticketId: ticket.id, from: 'medium', to: 'high' } },
      { name: 'ticket.assign', args: { ticketId: ticket.id, expectedAssignee: null, assignee: 'u-1' } },
      { name: 'ticket.setTags', args: { ticketId: ticket.id, add: ['refund'], remove: ['vpn'] } },
    ]);
  });

  it('a note leaves a new ticket new, and actions that change nothing are left out', () => {
    const out = sendMutations({ kind: 'note', body: 'Checked.', files: [], actions: { status: 'new', priority: 'medium', assignee: { kind: 'unassigned' }, addTags: ['vpn'] } }, ticket, 'u-1');
    expect(out).toEqual([{ name: 'ticket.note', args: { ticketId: ticket.id, body: 'Checked.' } }]);
  });

  it('sends only the actions when there is no text', () => {
    expect(sendMutations({ kind: 'reply', body: ' ', files: [], actions: { status: 'solved' } }, ticket, 'u-1')).toEqual([
      { name: 'ticket.setStatus', args: { ticketId: ticket.id, from: 'new', to: 'solved' } },
    ]);
  });
});
