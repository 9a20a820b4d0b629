import { z } from 'zod';

export const SupportTierSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type SupportTier = z.infer<typeof SupportTierSchema>;

export const QueueSchema = z.object({
  id: z.string(),
  name: z.string(),
  tier: SupportTierSchema,
});
export type Queue = z.infer<typeof QueueSchema>;

export const roles = ['agent', 'supervisor', 'admin'] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

export const locales = ['en', 'pl', 'ru', 'lv'] as const;
export const LocaleSchema = z.enum(locales);
export type Locale = z.infer<typeof LocaleSchema>;

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  tier: SupportTierSchema,
  locale: LocaleSchema,
  timeZone: z.string(),
  queueIds: z.array(z.string()),
});
export type User = z.infer<typeof UserSchema>;

/** Online takes new tickets; away keeps theirs but takes none; offline hands their unanswered tickets on (docs/routing.md). */
export const agentStatuses = ['online', 'away', 'offline'] as const;
export const AgentStatusSchema = z.enum(agentStatuses);
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

/**
 * What every console may know of a colleague: enough to show names, tiers, who works where and who is
 * there. `status` is as routing sees it (offline once their consoles have been gone a while); rows from
 * before presence existed read as offline.
 */
export const AgentSchema = UserSchema.pick({ id: true, name: true, role: true, tier: true, timeZone: true, queueIds: true }).extend({
  status: AgentStatusSchema.default('offline'),
});
export type Agent = z.infer<typeof AgentSchema>;

/** Supervisors and admins oversee every queue; agents see the queues they belong to. */
export function seesAllQueues(user: Pick<User, 'role'>): boolean {
  return user.role !== 'agent';
}
