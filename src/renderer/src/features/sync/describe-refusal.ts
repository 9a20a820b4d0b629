import type { TFunction } from 'i18next';
import type { DeskMutation } from '../../../../shared/desk-api/contract.js';
import { CallLogSchema, type CallLog } from '../../../../shared/domain/phone-call.js';
import type { User } from '../../../../shared/domain/people.js';
import { priorities, ticketStatuses, type Priority, type TicketStatus } from '../../../../shared/domain/ticket.js';
import type { RefusedMutation } from './outbox-store.js';

export interface RefusalView {
  /** What it was, e.g. "Status of #1042 to Solved". */
  what: string;
  /** Why the server refused it, in the agent's language (never the server's English message). */
  why: string;
  /**
   * Status and priority conflicts: the same change again, from the value the ticket has now. Stale
   * replies and notes: the same text again, which the core stamps as written now.
   */
  redo: DeskMutation | null;
  /** A phone call refused as stale: the same call, logged again (and so as logged now). */
  relog: CallLog | null;
  /** Replies, notes, handoff notes and calls: the text, so nothing written is lost. */
  text: string | null;
}

export interface RefusalContext {
  t: TFunction<['sync', 'labels']>;
  /** The signed-in agent: an assignee who is them is named, anyone else is "someone else". */
  user: Pick<User, 'id' | 'name'> | null;
  /** The ticket's number, when the queue still lists it. */
  ticketNumber: number | null;
  /** "2 hours ago": how long ago a stale reply or note was written. */
  age(iso: string): string;
}

const isStatus = (value: unknown): value is TicketStatus => (ticketStatuses as readonly unknown[]).includes(value);
const isPriority = (value: unknown): value is Priority => (priorities as readonly unknown[]).includes(value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function describeRefusal(refused: RefusedMutation, { t, user, ticketNumber, age }: RefusalContext): RefusalView {
  const { args, rejection } = refused;

  const statusName = (value: unknown) => (isStatus(value) ? t(`labels:status.${value}`) : (text(value) ?? t('refused.value.unknown')));
  const priorityName = (value: unknown) => (isPriority(value) ? t(`labels:priority.${value}`) : (text(value) ?? t('refused.value.unknown')));
  const assigneeName = (value: unknown) =>
    value === null ? t('refused.value.unassigned') : user && value === user.id ? user.name : t('refused.value.someoneElse');

  const what = (kind: 'status' | 'priority' | 'assignMe' | 'assignOther' | 'unassign' | 'reply' | 'note' | 'call' | 'other', value = '') =>
    ticketNumber === null ? t(`refused.whatUnlisted.${kind}`, { value }) : t(`refused.what.${kind}`, { number: ticketNumber, value });

  let whatText: string;
  let body: string | null = null;
  switch (refused.name) {
    case 'ticket.setStatus':
      whatText = what('status', statusName(args['to']));
      break;
    case 'ticket.setPriority':
      whatText = what('priority', priorityName(args['to']));
      break;
    case 'ticket.assign':
      whatText = args['assignee'] === null ? what('unassign') : user && args['assignee'] === user.id ? what('assignMe') : what('assignOther');
      break;
    case 'ticket.reply':
    case 'ticket.note':
      whatText = what(refused.name === 'ticket.reply' ? 'reply' : 'note');
      body = text(args['body']);
      break;
    case 'handoff.write':
      whatText = t('refused.handoff.write');
      body = text(args['body']);
      break;
    case 'handoff.acknowledge':
      whatText = t('refused.handoff.acknowledge');
      break;
    case 'call.log':
      whatText = refused.ticketId === null ? t('refused.newCall', { name: text(args['callerName']) ?? '' }) : what('call');
      body = text(args['notes']);
      break;
    default:
      whatText = what('other');
  }

  const handoff = refused.name.startsWith('handoff.');
  let why: string;
  switch (rejection.code) {
    case 'conflict': {
      const current = rejection.current ?? null;
      const value =
        rejection.field === 'status'
          ? statusName(current)
          : rejection.field === 'priority'
            ? priorityName(current)
            : rejection.field === 'assignee'
              ? assigneeName(current)
              : t('refused.value.unknown');
      why = t('refused.why.conflict', { name: rejection.changedBy || t('refused.why.someone'), value });
      break;
    }
    case 'stale': {
      const values = { age: age(text(args['writtenAt']) ?? refused.createdAt), name: rejection.changedBy || t('refused.why.someone'), value: statusName(rejection.current) };
      why = rejection.field === 'thread' ? t('refused.why.staleWrote', values) : t('refused.why.staleChanged', values);
      break;
    }
    case 'not_found':
      why = handoff ? t('refused.why.handoffNotFound') : t('refused.why.notFound');
      break;
    case 'forbidden':
      why = handoff ? t('refused.why.handoffForbidden') : t('refused.why.forbidden');
      break;
    default:
      why = t('refused.why.invalid');
  }

  return { what: whatText, why, redo: redoOf(refused), relog: relogOf(refused), text: body };
}

/** The call as it was logged, without when: logged again, the core stamps it as now and the server takes it. */
function relogOf(refused: RefusedMutation): CallLog | null {
  if (refused.name !== 'call.log' || refused.rejection.code !== 'stale') return null;
  const { writtenAt: _writtenAt, ...call } = refused.args;
  const parsed = CallLogSchema.safeParse(call);
  return parsed.success ? parsed.data : null;
}

/**
 * A status or priority change refused as a conflict: the same target, from the value the server has
 * now. A reply or note refused as stale: the same text, sent on purpose this time; without
 * `writtenAt` here, the core stamps it as written now, so the server takes it.
 */
export function redoOf(refused: RefusedMutation): DeskMutation | null {
  const { args, rejection, ticketId } = refused;
  if (ticketId === null) return null;
  if (rejection.code === 'stale') {
    const body = text(args['body']);
    if (body === null || (refused.name !== 'ticket.reply' && refused.name !== 'ticket.note')) return null;
    return { name: refused.name, args: { ticketId, body } };
  }
  if (rejection.code !== 'conflict') return null;
  const current = rejection.current;
  const to = args['to'];
  if (refused.name === 'ticket.setStatus' && rejection.field === 'status' && isStatus(current) && isStatus(to) && current !== to) {
    return { name: 'ticket.setStatus', args: { ticketId, from: current, to } };
  }
  if (refused.name === 'ticket.setPriority' && rejection.field === 'priority' && isPriority(current) && isPriority(to) && current !== to) {
    return { name: 'ticket.setPriority', args: { ticketId, from: current, to } };
  }
  return null;
}
