import { z } from 'zod';

export const IntegrationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** Whether webhook posts must carry an HMAC signature made with the integration's secret. */
  signed: z.boolean(),
});
export type IntegrationInfo = z.infer<typeof IntegrationSchema>;

export const IntegrationListSchema = z.object({ items: z.array(IntegrationSchema) });

export const CreateIntegrationBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** A generic webhook signs its posts; Alertmanager and Grafana only send the bearer token. */
  signed: z.boolean().default(false),
});

/** The token and secret are shown once, at creation: only their hash (token) is kept readable to us. */
export const CreatedIntegrationSchema = IntegrationSchema.extend({ token: z.string(), signingSecret: z.string().nullable() });

export const IntegrationParamsSchema = z.object({ id: z.uuid() });
