import { z } from 'zod';
import { AssetSchema } from '../remote/asset.js';
import { remoteLinkProblems } from '../remote/link.js';
import { RemoteSettingsSchema, StoredRemoteSettingsSchema } from '../remote/settings.js';

const Empty = z.object({}).strict();

/** One way into an asset as the console shows it: the link, or why it will not open. */
export const RemoteLinkViewSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), url: z.string(), toolId: z.string(), toolName: z.string(), host: z.string() }),
  z.object({ ok: z.literal(false), toolId: z.string(), toolName: z.string().nullable(), host: z.string(), problem: z.enum(remoteLinkProblems), detail: z.string() }),
]);
export type RemoteLinkView = z.infer<typeof RemoteLinkViewSchema>;

export const TicketAssetSchema = AssetSchema.extend({ links: z.array(RemoteLinkViewSchema) });
export type TicketAsset = z.infer<typeof TicketAssetSchema>;

/**
 * What opening a link did. `opened`: the desktop shell handed it to the system (the right client
 * starts); `openHere`: a browser host has no shell, so the page opens `url` itself; `blocked`: the
 * core refused it and nothing was noted.
 */
export const RemoteOpenResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), url: z.string() }),
  z.object({ status: z.literal('openHere'), url: z.string() }),
  z.object({ status: z.literal('blocked'), problem: z.enum(remoteLinkProblems), detail: z.string() }),
]);
export type RemoteOpenResult = z.infer<typeof RemoteOpenResultSchema>;

export const remoteMethods = {
  /** The ticket's requester's assets (theirs and their organisation's) with their links; from the replica, so offline too. */
  'remote.assets': { input: z.object({ ticketId: z.uuid() }).strict(), output: z.array(TicketAssetSchema) },
  /**
   * Opens one of an asset's ways in (`access` is its index): the core rebuilds the link from the
   * replica's settings and checks the allowlist again, notes the session on the ticket through the
   * outbox (offline too), then opens it.
   */
  'remote.open': {
    input: z.object({ ticketId: z.uuid(), assetId: z.uuid(), access: z.number().int().min(0).max(9) }).strict(),
    output: RemoteOpenResultSchema,
  },
  // The settings are edited on the server (admins, online): one REST call each with the admin's token.
  'admin.remote.settings': { input: Empty, output: StoredRemoteSettingsSchema },
  /** A save based on a version someone replaced meanwhile comes back as a conflict; the editor keeps the admin's work. */
  'admin.remote.saveSettings': { input: z.object({ baseVersion: z.number().int().min(0), settings: RemoteSettingsSchema }).strict(), output: StoredRemoteSettingsSchema },
} as const;

export const remoteEvents = {
  /** An asset, or the remote tools and allowlist, arrived: links may read differently. */
  'remote.changed': z.object({}),
} as const;
