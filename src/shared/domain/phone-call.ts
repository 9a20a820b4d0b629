import { z } from 'zod';
import { callOutcomes, IsoDateTimeSchema, PrioritySchema, statusAfterCustomerMessage, TicketTypeSchema, type CallRecord, type TicketStatus } from './ticket.js';

export const CallOutcomeSchema = z.enum(callOutcomes);
export type CallOutcome = z.infer<typeof CallOutcomeSchema>;

/** Longer than a day is seconds typed as minutes, not a call. */
export const CALL_DURATION_MAX_SECONDS = 24 * 60 * 60;

/** As people write numbers down: digits, an optional leading +, and the usual separators. */
const PhoneNumberSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?(?:[\s()./-]*\d){3,20}[\s()./-]*$/, 'expected a phone number: 3 to 20 digits, with an optional leading + and spaces ( ) . - /');

const CallFields = z.object({
  /** The ticket the call was about; without it the call opens a new phone ticket. */
  ticketId: z.uuid().optional(),
  callerName: z.string().trim().min(1).max(200),
  callerPhone: PhoneNumberSchema,
  /** A new ticket's requester address, when the caller gave one. */
  callerEmail: z.email().max(320).optional(),
  subject: z.string().trim().min(1).max(300).optional(),
  /** The agent's summary of the call: the message the ticket's thread shows. */
  notes: z.string().trim().min(1).max(100_000),
  durationSeconds: z.number().int().min(0).max(CALL_DURATION_MAX_SECONDS),
  outcome: CallOutcomeSchema,
  priority: PrioritySchema.optional(),
  type: TicketTypeSchema.optional(),
  /** A new ticket's queue; without it, the agent's first queue. */
  queueId: z.string().min(1).optional(),
});

/** What describes the ticket a call opens; on an existing ticket they would be silently ignored, so they are refused. */
const newTicketFields = ['callerEmail', 'subject', 'priority', 'type', 'queueId'] as const;

/** Each refusal names its field, so an integrator (or the console) knows what to fix. */
function callRules(call: z.infer<typeof CallFields>, ctx: z.RefinementCtx): void {
  if (call.ticketId === undefined) {
    if (call.subject === undefined) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'a call that opens a new ticket needs a subject' });
    return;
  }
  for (const field of newTicketFields) {
    if (call[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'only for a call that opens a new ticket, not one logged on ticketId' });
  }
}

/** An inbound call as an agent logs it: the REST body and the console's input. */
export const CallLogSchema = CallFields.strict().superRefine(callRules);
/** As the console's outbox keeps it: with when it was logged, which may be long before it is sent. */
export const LoggedCallSchema = CallFields.extend({ writtenAt: IsoDateTimeSchema }).strict().superRefine(callRules);
export type CallLog = z.infer<typeof CallLogSchema>;

/** Whether the agent spoke with the caller: only then has the customer been answered. */
export function reachedCaller(outcome: CallOutcome): boolean {
  return outcome !== 'voicemail';
}

/**
 * Where a call leaves its ticket. A voicemail reached nobody, so it moves the ticket as a customer's
 * mail would: one waiting on the customer or solved is back to work; new and on hold stay as they are.
 */
export function statusAfterCall(outcome: CallOutcome, current: TicketStatus): TicketStatus {
  switch (outcome) {
    case 'resolved':
      return 'solved';
    case 'waiting_on_customer':
      return 'pending';
    case 'follow_up':
      return 'open';
    case 'voicemail':
      return statusAfterCustomerMessage(current);
  }
}

export function callRecordOf({ callerName, callerPhone, durationSeconds, outcome }: CallLog): CallRecord {
  return { callerName, callerPhone, durationSeconds, outcome };
}
