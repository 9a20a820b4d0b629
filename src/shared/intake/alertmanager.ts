import { z } from 'zod';

const Labels = z.record(z.string(), z.string());

/** One alert of a Prometheus Alertmanager webhook (payload version 4). */
export const AlertmanagerAlertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: Labels,
  annotations: Labels.default({}),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  /** Stable per label set: the same alert firing again has the same fingerprint. */
  fingerprint: z.string().min(1).max(200),
});
export type AlertmanagerAlert = z.infer<typeof AlertmanagerAlertSchema>;

/** What Alertmanager posts to a webhook receiver; unknown fields are ignored. */
export const AlertmanagerPayloadSchema = z.object({
  version: z.literal('4'),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  externalURL: z.string().optional(),
  alerts: z.array(AlertmanagerAlertSchema).min(1).max(1000),
});
export type AlertmanagerPayload = z.infer<typeof AlertmanagerPayloadSchema>;

export const IntakeReplySchema = z.object({
  /** One line per alert (or item) received: what became of it. */
  results: z.array(z.object({ ref: z.string(), ticketId: z.uuid().nullable(), outcome: z.enum(['created', 'duplicate', 'resolved', 'noted', 'ignored']) })),
});
export type IntakeReply = z.infer<typeof IntakeReplySchema>;
