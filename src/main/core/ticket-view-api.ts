import { randomUUID } from 'node:crypto';
import type { DeskApi, DeskEventPayload } from '../../shared/desk-api/contract.js';
import { DeskError } from '../../shared/desk-api/errors.js';
import { MAX_REPLY_FILE_BYTES, MAX_REPLY_FILES, type ticketDraftMethods, type TicketDraft } from '../../shared/desk-api/ticket-draft-methods.js';
import type { ticketPresenceMethods } from '../../shared/desk-api/ticket-presence-methods.js';
import type { User } from '../../shared/domain/people.js';
import { sendMutations } from '../../shared/macros/apply.js';
import type { Mutation } from '../../shared/sync/mutations.js';
import type { AppliedChanges, Replica } from './replica/replica.js';
import { TicketDrafts } from './replica/ticket-drafts.js';
import type { TicketPresenceLink } from './ticket-presence-link.js';

export interface TicketViewApiDeps {
  replica(): Replica;
  drafts(): TicketDrafts;
  user(): User;
  now(): string;
  record(user: User, mutation: Omit<Mutation, 'id'>): { id: number; shown: AppliedChanges };
  send(): void;
  ticketsChanged(payload: DeskEventPayload<'tickets.changed'>): void;
  presence: TicketPresenceLink;
}

type TicketViewMethod = keyof typeof ticketDraftMethods | keyof typeof ticketPresenceMethods;

const safeContentType = (value: string) => (/^[\w.+-]+\/[\w.+-]+$/.test(value) ? value.toLowerCase() : 'application/octet-stream');
const safeFilename = (name: string) => name.split(/[\\/]/).pop()!.replace(/\p{Cc}/gu, '').trim().slice(0, 200) || 'attachment';

/** The ticket view's DeskApi: drafts kept in the replica, sending one in a step, and who else is on the ticket. */
export function ticketViewApi(deps: TicketViewApiDeps): Pick<DeskApi, TicketViewMethod> {
  const empty = (ticketId: string): TicketDraft => ({ ticketId, kind: 'reply', body: '', actions: {}, files: [], updatedAt: deps.now() });
  const visibleTicket = (ticketId: string) => {
    const detail = deps.replica().getTicket(ticketId);
    if (!detail) throw new DeskError('not_found', `ticketId: no ticket ${ticketId} in your queues`);
    return detail.ticket;
  };

  return {
    'ticketDrafts.get': async ({ ticketId }) => deps.drafts().get(deps.user().id, ticketId),
    'ticketDrafts.save': async ({ ticketId, kind, body, actions }) => {
      const user = deps.user();
      const draft = deps.drafts().get(user.id, ticketId) ?? empty(ticketId);
      return deps.drafts().put(user.id, { ...draft, kind, body, actions, updatedAt: deps.now() });
    },
    'ticketDrafts.attach': async ({ ticketId, filename, contentType, base64 }) => {
      const user = deps.user();
      visibleTicket(ticketId);
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length > MAX_REPLY_FILE_BYTES) throw new DeskError('invalid_input', `file: ${filename} is ${bytes.length} bytes (at most ${MAX_REPLY_FILE_BYTES})`);
      const drafts = deps.drafts();
      return drafts.transaction(() => {
        const draft = drafts.get(user.id, ticketId) ?? empty(ticketId);
        if (draft.files.length >= MAX_REPLY_FILES) throw new DeskError('invalid_input', `file: at most ${MAX_REPLY_FILES} files per message`);
        const meta = { id: randomUUID(), filename: safeFilename(filename), contentType: safeContentType(contentType), size: bytes.length };
        drafts.storeFile(user.id, ticketId, meta, bytes);
        return drafts.put(user.id, { ...draft, files: [...draft.files, meta], updatedAt: deps.now() })!;
      });
    },
    'ticketDrafts.detach': async ({ ticketId, fileId }) => {
      const user = deps.user();
      const drafts = deps.drafts();
      return drafts.transaction(() => {
        const draft = drafts.get(user.id, ticketId);
        if (!draft?.files.some((file) => file.id === fileId)) throw new DeskError('not_found', `fileId: no file ${fileId} on this draft`);
        drafts.dropFile(fileId);
        return drafts.put(user.id, { ...draft, files: draft.files.filter((file) => file.id !== fileId), updatedAt: deps.now() });
      });
    },
    'ticketDrafts.send': async ({ ticketId }) => {
      const user = deps.user();
      const drafts = deps.drafts();
      const ticket = visibleTicket(ticketId);
      const draft = drafts.get(user.id, ticketId);
      const intents = draft ? sendMutations(draft, ticket, user.id) : [];
      if (intents.length === 0) throw new DeskError('invalid_input', 'body: write something or stage an action to send');
      const now = deps.now();
      // All or nothing: the reply and its actions enter the outbox together, and the draft goes with them.
      const { ids, shown } = drafts.transaction(() => {
        const recorded = intents.map((intent) =>
          deps.record(user, { ...(intent.name === 'ticket.reply' || intent.name === 'ticket.note' ? { name: intent.name, args: { ...intent.args, writtenAt: now } } : intent), createdAt: now } as Omit<Mutation, 'id'>),
        );
        drafts.clear(user.id, ticketId);
        return { ids: recorded.map((r) => r.id), shown: recorded.at(-1)!.shown };
      });
      deps.ticketsChanged({ ids: [...new Set([ticketId, ...shown.ticketIds])] });
      deps.send();
      return { ids };
    },
    'ticketPresence.set': async (update) => {
      deps.user();
      deps.presence.set(update);
      return {};
    },
    'ticketPresence.get': async ({ ticketId }) => {
      deps.user();
      return deps.presence.get(ticketId);
    },
  };
}
