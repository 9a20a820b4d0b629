import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Escalation, PagedTarget } from '../../shared/domain/escalation.js';
import type { Priority } from '../../shared/domain/ticket.js';
import type { PolicyLevel, PolicyTarget } from '../../shared/escalations/settings.js';
import { renderTemplate, type CustomerLocale } from '../../shared/notifications/templates.js';
import { templateFor } from '../notifications/template-store.js';
import { enqueueOutbound } from '../outbound/outbound-queue.js';
import { bareMessageId, rememberMailId } from '../outbound/mail-threading.js';
import type { ShiftDirectory } from '../shifts/shift-directory.js';
import type { Database } from '../storage/schema.js';
import { levelAt, nextPosition, type Ladder, type Position } from './ladder.js';

type Trx = Transaction<Database>;

export interface PagingDeps {
  shifts: Pick<ShiftDirectory, 'onCall' | 'onCallForTier' | 'onShiftAgentIds' | 'nextShiftStart'>;
  /** The domain of the desk's own Message-IDs, for the vendor's mail. */
  mailDomain: string;
}

/** A vendor reads the priority in their own language, like the rest of the mail. */
const priorityWords: Record<CustomerLocale, Record<Priority, string>> = {
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' },
  pl: { critical: 'krytyczny', high: 'wysoki', medium: 'średni', low: 'niski' },
  ru: { critical: 'критический', high: 'высокий', medium: 'средний', low: 'низкий' },
  lv: { critical: 'kritiska', high: 'augsta', medium: 'vidēja', low: 'zema' },
};

const MINUTE_MS = 60_000;

async function userNames(trx: Trx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('users').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Who a level's targets are at this instant: the on-call person of a rotation, the queue's agents on
 * shift, the named people, the vendor. Each person once, in the level's order; anyone who declined
 * this escalation is left out (they said "not me").
 */
async function resolveLevel(trx: Trx, deps: PagingDeps, level: PolicyLevel, at: Date, declined: ReadonlySet<string>): Promise<PagedTarget[]> {
  // In the level's order: user ids, or a vendor as it is paged.
  const found: (string | PagedTarget)[] = [];
  let onShift: Set<string> | null = null;
  for (const target of level.targets) {
    switch (target.kind) {
      case 'onCall': {
        const userId = await deps.shifts.onCall(trx, target.rotationId, at);
        if (userId) found.push(userId);
        break;
      }
      case 'queue': {
        onShift ??= await deps.shifts.onShiftAgentIds(trx, at);
        const members = await trx.selectFrom('queue_members').select('user_id').where('queue_id', '=', target.queueId).orderBy('user_id').execute();
        found.push(...members.map((member) => member.user_id).filter((id) => onShift!.has(id)));
        break;
      }
      case 'users':
        found.push(...target.userIds);
        break;
      case 'vendor':
        found.push({ kind: 'vendor', name: target.name, email: target.email });
        break;
    }
  }
  const names = await userNames(trx, found.filter((entry): entry is string => typeof entry === 'string'));
  const seen = new Set<string>();
  return found.flatMap((entry): PagedTarget[] => {
    if (typeof entry !== 'string') return [entry];
    if (seen.has(entry) || declined.has(entry) || !names.has(entry)) return [];
    seen.add(entry);
    return [{ kind: 'user', userId: entry, name: names.get(entry)! }];
  });
}

/** Mails a vendor's support desk; the [#number] subject tag and the remembered Message-ID thread the answer back. */
async function mailVendor(trx: Trx, deps: PagingDeps, escalation: Escalation, vendor: Extract<PolicyTarget, { kind: 'vendor' }>, at: string): Promise<void> {
  const template = await templateFor(trx, 'escalation.vendor', vendor.locale);
  const values = {
    'ticket.number': String(escalation.ticketNumber),
    'ticket.subject': escalation.ticketSubject,
    'ticket.priority': priorityWords[vendor.locale][escalation.priority],
    'vendor.name': vendor.name,
    'escalation.reason': escalation.reason,
    'escalated.by': escalation.escalatedBy.name,
  };
  const messageId = `${randomUUID()}@${deps.mailDomain}`;
  await rememberMailId(trx, messageId, escalation.ticketId, at);
  await enqueueOutbound(
    trx,
    { ticketId: escalation.ticketId, kind: 'escalation.vendor', channel: 'email', to: vendor.email, subject: renderTemplate(template.subject, values), body: renderTemplate(template.body, values), headers: { messageId: bareMessageId(messageId) } },
    at,
  );
}

/**
 * Pages from `start` on: the first level, on or after it, that reaches anyone is paged and its
 * timeout set; a level that reaches nobody (its queue has nobody on shift) is passed at once. Past
 * the last round the escalation is exhausted. `extra` joins the first page (the on-call engineer for
 * a critical ticket out of hours).
 */
export async function pageFrom(trx: Trx, deps: PagingDeps, escalation: Escalation, ladder: Ladder, start: Position, at: Date, extra: readonly PagedTarget[] = []): Promise<Escalation> {
  const declined = new Set(escalation.declines.map((decline) => decline.userId));
  const iso = at.toISOString();
  for (let position: Position | null = start; position; position = nextPosition(ladder, position)) {
    const level = levelAt(ladder, position);
    const resolved = await resolveLevel(trx, deps, level, at, declined);
    const joining = position === start ? extra.filter((person) => person.kind === 'user' && !declined.has(person.userId) && !resolved.some((t) => t.kind === 'user' && t.userId === person.userId)) : [];
    const targets = [...resolved, ...joining];
    if (targets.length === 0) continue;
    const paged: Escalation = {
      ...escalation,
      state: 'paging',
      level: position.level,
      round: position.round,
      paged: targets,
      pages: [...escalation.pages, { at: iso, level: position.level, round: position.round, targets }],
      nextTimeoutAt: new Date(at.getTime() + level.ackTimeoutMinutes * MINUTE_MS).toISOString(),
      updatedAt: iso,
    };
    for (const target of level.targets) if (target.kind === 'vendor') await mailVendor(trx, deps, paged, target, iso);
    return paged;
  }
  return { ...escalation, state: 'exhausted', paged: [], nextTimeoutAt: null, updatedAt: iso };
}
