import { z } from 'zod';
import { LocaleSchema } from '../domain/people.js';
import { ChannelSchema, CustomerTierSchema, IsoDateTimeSchema, PrioritySchema } from '../domain/ticket.js';

/**
 * What the console tells an agent about, unasked:
 * - page: they are paged on an escalation (must acknowledge or decline; repeats until they do);
 * - acknowledged / declined / exhausted: news of an escalation they made;
 * - newTicket: a ticket arrived in one of their queues, unassigned or theirs;
 * - customerReply: a customer wrote on a ticket assigned to them.
 */
export const alertKinds = ['page', 'acknowledged', 'declined', 'exhausted', 'newTicket', 'customerReply'] as const;
export const AlertKindSchema = z.enum(alertKinds);
export type AlertKind = z.infer<typeof AlertKindSchema>;

/** Alerts about escalations keep their sound whatever the agent's settings; the rest may be silenced. */
export function isEscalationAlert(kind: AlertKind): boolean {
  return kind === 'page' || kind === 'acknowledged' || kind === 'declined' || kind === 'exhausted';
}

export const AlertSchema = z.object({
  /** Stable for the event it tells of (one per page, per decline, per ticket…), so it is told once. */
  id: z.string(),
  kind: AlertKindSchema,
  /** When it happened, as the server recorded it. */
  at: IsoDateTimeSchema,
  ticketId: z.uuid(),
  ticketNumber: z.number().int().positive(),
  ticketSubject: z.string(),
  priority: PrioritySchema,
  channel: ChannelSchema,
  customerTier: CustomerTierSchema,
  escalationId: z.uuid().nullable(),
  /** Who escalated (page), acknowledged or declined; the customer for a reply; null when nobody in particular. */
  actor: z.string().nullable(),
  /** The escalation's reason (page), the decline's reason; null otherwise. */
  reason: z.string().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');

/**
 * An agent's own notification settings, kept by their console. Quiet hours come from the rota; these
 * only widen them (or silence the sounds that are not about escalations).
 */
export const AlertSettingsSchema = z
  .object({
    /** Sounds for new tickets and customer replies (off by default: a calm night); escalation tones are the console's setting. */
    nonEscalationSounds: z.boolean(),
    /** While the agent's status is away, hold everything but on-call and critical pages. */
    quietWhileAway: z.boolean(),
    /** While on call but off shift, hold everything but pages (on-call pages always come through). */
    quietOnCallOffShift: z.boolean(),
    /** A daily window in the agent's time zone that is quiet too, e.g. 22:00–07:00; null for none. */
    quietWindow: z.object({ from: LocalTimeSchema, to: LocalTimeSchema }).strict().refine((window) => window.from !== window.to, 'from and to must differ').nullable(),
    /** The language of desktop notifications: the console's, told by it when it changes. */
    locale: LocaleSchema.nullable(),
  })
  .strict();
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

export const defaultAlertSettings: AlertSettings = {
  nonEscalationSounds: false,
  quietWhileAway: true,
  quietOnCallOffShift: false,
  quietWindow: null,
  locale: null,
};

/** Why the agent is in quiet hours now; empty when they are not. */
export const quietReasons = ['offShift', 'away', 'onCallOffShift', 'window'] as const;
export const QuietReasonSchema = z.enum(quietReasons);
export type QuietReason = z.infer<typeof QuietReasonSchema>;

/** Where the agent stands at an instant, by the rota, their status and their settings. */
export const DutySchema = z.object({
  onShift: z.boolean(),
  onCall: z.boolean(),
  away: z.boolean(),
  inQuietWindow: z.boolean(),
});
export type Duty = z.infer<typeof DutySchema>;

/** The sound an alert makes: the family (escalation or notice) with the ticket's priority and channel. */
export const SoundCueSchema = z.object({
  family: z.enum(['escalation', 'notice']),
  priority: PrioritySchema,
  channel: ChannelSchema,
});
export type SoundCue = z.infer<typeof SoundCueSchema>;

/** One alert rung now: shown (native notification, toast) and heard (its cue; null when silenced). */
export const RungAlertSchema = AlertSchema.extend({
  sound: SoundCueSchema.nullable(),
  /** A page rung again because nobody has acknowledged or declined it yet. */
  repeat: z.boolean(),
});
export type RungAlert = z.infer<typeof RungAlertSchema>;

export const AlertRingSchema = z.object({
  alerts: z.array(RungAlertSchema),
  /** The language the host writes native notifications in. */
  locale: LocaleSchema,
});
export type AlertRing = z.infer<typeof AlertRingSchema>;

/** What the console shows of the notification policy now. */
export const AlertStatusSchema = z.object({
  duty: DutySchema,
  quiet: z.array(QuietReasonSchema),
  /** When quiet hours (or being on duty) next change by the rota or the window; null when not known. */
  nextChangeAt: IsoDateTimeSchema.nullable(),
  /** Held back during quiet hours, oldest first: the digest. */
  held: z.array(AlertSchema),
  /** The digest should open now: quiet hours just ended, or the agent came back (signed in, back from away). */
  digestDue: z.boolean(),
  /** Pages ringing now (not held), so the shell can flash the taskbar while there are any. */
  ringing: z.number().int().nonnegative(),
  settings: AlertSettingsSchema,
});
export type AlertStatus = z.infer<typeof AlertStatusSchema>;
