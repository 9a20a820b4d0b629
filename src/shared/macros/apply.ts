import type { DeskMutation } from '../desk-api/contract.js';
import type { MacroActions } from '../domain/knowledge.js';
import type { AttachmentMeta, Ticket } from '../domain/ticket.js';

/**
 * Actions staged on a draft after another macro is applied: a later macro's status, priority and
 * assignee replace an earlier one's; tags accumulate, and adding a tag a staged action would remove
 * (or the reverse) cancels that part, so the chips never contradict each other.
 */
export function stageActions(staged: MacroActions, added: MacroActions): MacroActions {
  const next: MacroActions = { ...staged };
  if (added.status) next.status = added.status;
  if (added.priority) next.priority = added.priority;
  if (added.assignee) next.assignee = added.assignee;
  const add = new Set([...(staged.addTags ?? []), ...(added.addTags ?? [])]);
  const remove = new Set([...(staged.removeTags ?? []), ...(added.removeTags ?? [])]);
  for (const tag of added.addTags ?? []) remove.delete(tag);
  for (const tag of added.removeTags ?? []) add.delete(tag);
  if (add.size > 0) next.addTags = [...add];
  else delete next.addTags;
  if (remove.size > 0) next.removeTags = [...remove];
  else delete next.removeTags;
  return next;
}

/** One staged action, as a removable chip shows it. */
export type StagedAction = 'status' | 'priority' | 'assignee' | 'addTags' | 'removeTags';

export function withoutAction(staged: MacroActions, action: StagedAction): MacroActions {
  const next = { ...staged };
  delete next[action];
  return next;
}

export function hasActions(actions: MacroActions): boolean {
  return Object.values(actions).some((value) => value !== undefined && (!Array.isArray(value) || value.length > 0));
}

/** A reply or note as the core enqueues it, with the files it lists. */
export type SentMessage = { name: 'ticket.reply' | 'ticket.note'; args: { ticketId: string; body: string; attachments?: AttachmentMeta[] } };
export type SentAction = Extract<DeskMutation, { name: 'ticket.setStatus' | 'ticket.setPriority' | 'ticket.assign' | 'ticket.setTags' }>;

export interface DraftToSend {
  kind: 'reply' | 'note';
  body: string;
  files: readonly AttachmentMeta[];
  actions: MacroActions;
}

/**
 * What sending a draft enqueues, in order: the reply or note first, then each action that still
 * changes something, each `from` the value the ticket will have at that point (a reply opens a new
 * ticket, as on the server), so the server can tell a colleague's change meanwhile from ours.
 */
export function sendMutations(draft: DraftToSend, ticket: Pick<Ticket, 'id' | 'status' | 'priority' | 'assigneeId' | 'tags'>, userId: string): (SentMessage | SentAction)[] {
  const out: (SentMessage | SentAction)[] = [];
  const body = draft.body.trim();
  let status = ticket.status;
  if (body !== '') {
    out.push({ name: draft.kind === 'note' ? 'ticket.note' : 'ticket.reply', args: { ticketId: ticket.id, body, ...(draft.files.length > 0 ? { attachments: [...draft.files] } : {}) } });
    if (draft.kind === 'reply' && status === 'new') status = 'open';
  }
  const { actions } = draft;
  if (actions.status && actions.status !== status) out.push({ name: 'ticket.setStatus', args: { ticketId: ticket.id, from: status, to: actions.status } });
  if (actions.priority && actions.priority !== ticket.priority) out.push({ name: 'ticket.setPriority', args: { ticketId: ticket.id, from: ticket.priority, to: actions.priority } });
  if (actions.assignee) {
    const assignee = actions.assignee.kind === 'me' ? userId : actions.assignee.kind === 'user' ? actions.assignee.userId : null;
    if (assignee !== ticket.assigneeId) out.push({ name: 'ticket.assign', args: { ticketId: ticket.id, expectedAssignee: ticket.assigneeId, assignee } });
  }
  const add = (actions.addTags ?? []).filter((tag) => !ticket.tags.includes(tag));
  const remove = (actions.removeTags ?? []).filter((tag) => ticket.tags.includes(tag));
  if (add.length + remove.length > 0) out.push({ name: 'ticket.setTags', args: { ticketId: ticket.id, add, remove } });
  return out;
}
