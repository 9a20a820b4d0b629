import { z } from 'zod';
import { AlertFingerprintSchema, AlertLabelsSchema, AlertStatusSchema } from './alerts.js';

/** Grafana leaves a link it has no target for as an empty string. */
const Link = z.string().optional();

/** One alert of a Grafana unified alerting webhook (Grafana 9 and later, payload version 1). */
const GrafanaAlertSchema = z.object({
  status: AlertStatusSchema,
  labels: AlertLabelsSchema,
  // Grafana's Go side marshals a rule without annotations as null.
  annotations: AlertLabelsSchema.nullish(),
  startsAt: z.string(),
  /** `0001-01-01T00:00:00Z` while firing; the resolution time once resolved. */
  endsAt: z.string().optional(),
  fingerprint: AlertFingerprintSchema,
  generatorURL: Link,
  dashboardURL: Link,
  panelURL: Link,
  silenceURL: Link,
  imageURL: Link,
  /** The query results that made the rule fire, as Grafana renders them: `[ var='B' labels={…} value=93.1 ]`. */
  valueString: z.string().optional(),
});

/** What a Grafana webhook contact point posts; unknown fields (orgId, groupKey, title, message, …) are ignored. */
export const GrafanaPayloadSchema = z.object({
  version: z.literal('1'),
  alerts: z.array(GrafanaAlertSchema).min(1).max(1000),
});
export type GrafanaPayload = z.infer<typeof GrafanaPayloadSchema>;
