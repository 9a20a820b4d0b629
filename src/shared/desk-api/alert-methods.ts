import { z } from 'zod';
import { AlertRingSchema, AlertSettingsSchema, AlertStatusSchema } from '../alerts/alert.js';

/** The notification policy's side of DeskApi: the core decides, the console and the shell present. */
export const alertMethods = {
  /** Where the agent stands (on shift, on call, quiet hours and why), the digest so far, their settings. */
  'alerts.status': { input: z.object({}).strict(), output: AlertStatusSchema },
  /** Changes some of the agent's notification settings; answers the status under the new ones. */
  'alerts.configure': { input: AlertSettingsSchema.partial().strict(), output: AlertStatusSchema },
  /** The agent has seen these held alerts (the digest): they leave it. Anything held since stays. */
  'alerts.dismissDigest': { input: z.object({ ids: z.array(z.string().max(200)).max(1000) }).strict(), output: AlertStatusSchema },
} as const;

export const alertEvents = {
  /** The status changed (duty, quiet hours, digest, pages ringing, settings): here it is, whole. */
  'alerts.changed': AlertStatusSchema,
  /** Make these known now: sound, desktop notification, toast. Pages come again until answered. */
  'alerts.ring': AlertRingSchema,
} as const;
