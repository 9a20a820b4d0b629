import { channels, customerTiers, priorities, ticketStatuses, type Ticket } from '../domain/ticket.js';
import { headlineTargets, slaHeadline, type CountdownTarget, type SlaHeadline } from '../sla/countdown.js';
import { pauseReasons, type PauseReason } from '../sla/snapshot.js';

/**
 * A ticket as the queue lists it: the columns it shows, sorts and filters by, and the headline SLA
 * clock instead of the snapshot. The console holds 100,000 of these; the full ticket is read when
 * one is opened.
 */
export type QueueRow = Pick<
  Ticket,
  'id' | 'number' | 'subject' | 'requesterName' | 'requesterEmail' | 'channel' | 'priority' | 'customerTier' | 'status' | 'queueId' | 'assigneeId'
> & { sla: SlaHeadline };

export function queueRowOf(ticket: Ticket): QueueRow {
  const { id, number, subject, requesterName, requesterEmail, channel, priority, customerTier, status, queueId, assigneeId } = ticket;
  return { id, number, subject, requesterName, requesterEmail, channel, priority, customerTier, status, queueId, assigneeId, sla: slaHeadline(ticket) };
}

const slaStates = ['none', 'met', 'paused', 'counting'] as const;

// A row's choices, each in a few bits of one small integer: the list carries one number per row for
// all of them rather than seven strings (bits: channel 0-2, priority 3-4, tier 5, status 6-8, SLA
// state 9-10, SLA target 11-12, paused by 13-14 with 0 for none).
const fields = [
  { shift: 0, bits: 3, values: channels },
  { shift: 3, bits: 2, values: priorities },
  { shift: 5, bits: 1, values: customerTiers },
  { shift: 6, bits: 3, values: ticketStatuses },
  { shift: 9, bits: 2, values: slaStates },
  { shift: 11, bits: 2, values: headlineTargets },
  { shift: 13, bits: 2, values: [null, ...pauseReasons] },
] as const;

export interface RowChoices {
  channel: QueueRow['channel'];
  priority: QueueRow['priority'];
  customerTier: QueueRow['customerTier'];
  status: QueueRow['status'];
  slaState: SlaHeadline['state'];
  /** The headline clock's kind (firstResponse where there is none). */
  slaTarget: CountdownTarget;
  pausedBy: PauseReason | null;
}

export function packChoices(row: QueueRow): number {
  const { sla } = row;
  const choices = [row.channel, row.priority, row.customerTier, row.status, sla.state, 'target' in sla ? sla.target : headlineTargets[0]!, sla.state === 'paused' ? sla.pausedBy : null];
  let packed = 0;
  fields.forEach((field, index) => {
    packed |= (field.values as readonly unknown[]).indexOf(choices[index]) << field.shift;
  });
  return packed;
}

/** The choices packed by packChoices; throws on a number that no row could have been packed into. */
export function unpackChoices(packed: number): RowChoices {
  const values = fields.map((field) => {
    const index = (packed >>> field.shift) & ((1 << field.bits) - 1);
    if (index >= field.values.length) throw new Error(`not a queue row's choices: ${packed}`);
    return field.values[index];
  });
  if (packed >>> 15 !== 0 || !Number.isInteger(packed)) throw new Error(`not a queue row's choices: ${packed}`);
  return { channel: values[0], priority: values[1], customerTier: values[2], status: values[3], slaState: values[4], slaTarget: values[5], pausedBy: values[6] } as RowChoices;
}
