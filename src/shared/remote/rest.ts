import { z } from 'zod';
import { AssetSchema } from './asset.js';
import { RemoteSettingsSchema } from './settings.js';

export const AssetParamsSchema = z.object({ id: z.uuid() });

/** Assets are listed per requester (their own and their organisation's) or per organisation domain. */
export const AssetListQuerySchema = z
  .object({
    requester: z.string().trim().toLowerCase().pipe(z.email()).optional(),
    domain: z.string().trim().toLowerCase().min(1).optional(),
  })
  .strict()
  .refine((query) => (query.requester === undefined) !== (query.domain === undefined), 'give either requester or domain');

export const AssetListSchema = z.object({ items: z.array(AssetSchema) });

export const ReplaceRemoteSettingsBodySchema = z
  .object({
    settings: RemoteSettingsSchema,
    /** The version the admin edited: when someone saved another meanwhile, the save is refused (409) and nothing is lost. */
    baseVersion: z.number().int().min(0).optional(),
  })
  .strict();
export type ReplaceRemoteSettingsBody = z.input<typeof ReplaceRemoteSettingsBodySchema>;
