import type { DeskMutation } from '../../../shared/desk-api/contract.js';
import { DeskError } from '../../../shared/desk-api/errors.js';
import { MAX_REPLY_FILE_BYTES, type TicketDraft } from '../../../shared/desk-api/ticket-draft-methods.js';
import type { TicketPresenceUpdate, TicketViewer } from '../../../shared/desk-api/ticket-presence-methods.js';
import type { User } from '../../../shared/domain/people.js';
import type { AttachmentMeta, Ticket } from '../../../shared/domain/ticket.js';
import { sendMutations } from '../../../shared/macros/apply.js';
import type { FakeDesk } from './fake-desk.js';
import { testNow } from './test-time.js';

export interface TicketViewDesk {
  /** Drafts as the core keeps them, by ticket id. */
  ticketDrafts: Map<string, TicketDraft>;
  /** Files sent with replies and notes, in order (DeskMutation has no room for them). */
  sentFiles: AttachmentMeta[][];
  /** What this console told the server of its agent, in order. */
  presenceUpdates: TicketPresenceUpdate[];
  /** Colleagues on a ticket, as the server tells it: fires `ticketPresence.changed`. */
  setViewers(ticketId: string, viewers: TicketViewer[]): void;
}

/**
 * Ticket drafts and presence for a fake desk, like the core: drafts are kept by ticket, a send enqueues
 * the reply and then each staged action through `mutations.enqueue` (so tests read `enqueued` as before).
 */
export function installTicketView(desk: FakeDesk, live: { user(): User | null; ticket(id: string): Ticket | undefined }): TicketViewDesk {
  const drafts = new Map<string, TicketDraft>();
  const viewers = new Map<string, TicketViewer[]>();
  const sentFiles: AttachmentMeta[][] = [];
  const presenceUpdates: TicketPresenceUpdate[] = [];
  let fileCount = 0;
  const now = () => new Date(testNow).toISOString();
  const draftOf = (ticketId: string): TicketDraft => drafts.get(ticketId) ?? { ticketId, kind: 'reply', body: '', actions: {}, files: [], updatedAt: now() };
  const keep = (draft: TicketDraft) => {
    const empty = draft.kind === 'reply' && draft.body === '' && draft.files.length === 0 && Object.keys(draft.actions).length === 0;
    if (empty) drafts.delete(draft.ticketId);
    else drafts.set(draft.ticketId, draft);
    return empty ? null : draft;
  };

  Object.assign(desk.api, {
    'ticketDrafts.get': async ({ ticketId }: { ticketId: string }) => drafts.get(ticketId) ?? null,
    'ticketDrafts.save': async ({ ticketId, kind, body, actions }: Pick<TicketDraft, 'ticketId' | 'kind' | 'body' | 'actions'>) => keep({ ...draftOf(ticketId), kind, body, actions, updatedAt: now() }),
    'ticketDrafts.attach': async ({ ticketId, filename, contentType, base64 }: { ticketId: string; filename: string; contentType: string; base64: string }) => {
      const size = Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
      if (size > MAX_REPLY_FILE_BYTES) throw new DeskError('invalid_input', `file: ${filename} is ${size} bytes (at most ${MAX_REPLY_FILE_BYTES})`);
      const draft = draftOf(ticketId);
      const id = `00000000-0000-4000-8000-${String(++fileCount).padStart(12, '0')}`;
      return keep({ ...draft, files: [...draft.files, { id, filename, contentType, size }] })!;
    },
    'ticketDrafts.detach': async ({ ticketId, fileId }: { ticketId: string; fileId: string }) => {
      const draft = draftOf(ticketId);
      return keep({ ...draft, files: draft.files.filter((file) => file.id !== fileId) });
    },
    'ticketDrafts.send': async ({ ticketId }: { ticketId: string }) => {
      const ticket = live.ticket(ticketId);
      const user = live.user();
      const draft = drafts.get(ticketId);
      if (!ticket || !user || !draft) throw new DeskError('invalid_input', 'nothing to send');
      const ids: number[] = [];
      for (const intent of sendMutations(draft, ticket, user.id)) {
        let mutation = intent as DeskMutation;
        if (intent.name === 'ticket.reply' || intent.name === 'ticket.note') {
          const { attachments, ...args } = intent.args;
          sentFiles.push(attachments ?? []);
          mutation = { name: intent.name, args };
        }
        ids.push((await desk.api['mutations.enqueue'](mutation as never)).id);
      }
      drafts.delete(ticketId);
      return { ids };
    },
    'ticketPresence.set': async (update: TicketPresenceUpdate) => {
      presenceUpdates.push(update);
      return {};
    },
    'ticketPresence.get': async ({ ticketId }: { ticketId: string }) => viewers.get(ticketId) ?? [],
  });

  return {
    ticketDrafts: drafts,
    sentFiles,
    presenceUpdates,
    setViewers(ticketId, list) {
      viewers.set(ticketId, list);
      desk.emit('ticketPresence.changed', { ticketId, viewers: list });
    },
  };
}
