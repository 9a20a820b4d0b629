import { z } from 'zod';
import { AgentStatusSchema, RoleSchema, SupportTierSchema } from '../domain/people.js';
import { IsoDateTimeSchema } from '../domain/ticket.js';
import { RoutingRulesSchema } from './rules.js';
import { AgentRoutingSchema, QueueRoutingSchema } from './settings.js';

/** The rules in force. Version 0 is the built-in document (no rules, everything to General) before an admin saves one. */
export const RoutingRulesReplySchema = z.object({
  version: z.number().int().min(0),
  document: RoutingRulesSchema,
  reason: z.string(),
  createdAt: IsoDateTimeSchema.nullable(),
  createdBy: z.string().nullable(),
});
export type RoutingRulesReply = z.infer<typeof RoutingRulesReplySchema>;

export const ReplaceRoutingRulesBodySchema = z
  .object({
    document: RoutingRulesSchema,
    reason: z.string().trim().min(1, 'say why the rules change').max(500),
    /** The version the admin edited: when someone saved another meanwhile, the save is refused (409) and nothing is lost. */
    baseVersion: z.number().int().min(0).optional(),
  })
  .strict();
export type ReplaceRoutingRulesBody = z.input<typeof ReplaceRoutingRulesBodySchema>;
export const ReplaceRoutingRulesReplySchema = z.object({ version: z.number().int().positive() });

export const QueueSettingsSchema = z.object({ id: z.string(), name: z.string(), tier: SupportTierSchema }).extend(QueueRoutingSchema.shape);
export type QueueSettings = z.infer<typeof QueueSettingsSchema>;
export const QueueSettingsListSchema = z.object({ items: z.array(QueueSettingsSchema) });
export const QueueParamsSchema = z.object({ id: z.string().min(1) });

export const AgentSettingsSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    tier: SupportTierSchema,
    timeZone: z.string(),
    queueIds: z.array(z.string()),
    /** What they chose; `effectiveStatus` is what routing goes by (offline once their consoles have been gone the grace period). */
    status: AgentStatusSchema,
    effectiveStatus: AgentStatusSchema,
    statusSince: IsoDateTimeSchema.nullable(),
  })
  .extend(AgentRoutingSchema.shape);
export type AgentSettings = z.infer<typeof AgentSettingsSchema>;
export const AgentSettingsListSchema = z.object({ items: z.array(AgentSettingsSchema) });
export const AgentParamsSchema = z.object({ id: z.string().min(1) });

export const AgentStatusBodySchema = z.object({ status: AgentStatusSchema }).strict();
export const AgentPresenceSchema = AgentSettingsSchema.pick({ id: true, name: true, status: true, effectiveStatus: true, statusSince: true });
export type AgentPresence = z.infer<typeof AgentPresenceSchema>;
export const AgentPresenceListSchema = z.object({ items: z.array(AgentPresenceSchema) });
