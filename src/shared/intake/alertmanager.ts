import { z } from 'zod';
import { AlertFingerprintSchema, AlertLabelsSchema, AlertStatusSchema } from './alerts.js';

/** One alert of a Prometheus Alertmanager webhook (payload version 4). */
const AlertmanagerAlertSchema = z.object({
  status: AlertStatusSchema,
  labels: AlertLabelsSchema,
  annotations: AlertLabelsSchema.default({}),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: AlertFingerprintSchema,
});

/** What Alertmanager posts to a webhook receiver; unknown fields are ignored. */
export const AlertmanagerPayloadSchema = z.object({
  version: z.literal('4'),
  status: AlertStatusSchema,
  receiver: z.string(),
  externalURL: z.string().optional(),
  alerts: z.array(AlertmanagerAlertSchema).min(1).max(1000),
});
export type AlertmanagerPayload = z.infer<typeof AlertmanagerPayloadSchema>;
