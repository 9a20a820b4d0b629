import { z } from 'zod';
import { IsoDateTimeSchema } from '../domain/ticket.js';
import { isHost } from './hosts.js';

export const assetKinds = ['server', 'workstation', 'laptop', 'network_device', 'pos_terminal', 'printer', 'service'] as const;
export const AssetKindSchema = z.enum(assetKinds);
export type AssetKind = z.infer<typeof AssetKindSchema>;

export const HostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isHost, 'expected a host name (letters, digits, hyphens, dots; IDN as punycode) or an IPv4 address such as 10.0.0.5');

/**
 * A login name as it goes into a link. Narrow on purpose: `:`, `@`, `/` or `\` in a user name is how
 * a password or another host gets smuggled into `ssh://{user}@{host}`, even after encoding (some
 * clients decode before they parse).
 */
export const RemoteUserSchema = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected a user name of letters, digits, . _ - (at most 64)');

export const PortSchema = z.number().int().min(1).max(65535);

export const ToolIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected a tool id of lower-case letters, digits and - (at most 40)');

/** One way into an asset: the tool, and where it connects (the asset's own host unless another is given). */
export const AssetAccessSchema = z
  .object({
    toolId: ToolIdSchema,
    host: HostSchema.optional(),
    port: PortSchema.optional(),
    user: RemoteUserSchema.optional(),
  })
  .strict();
export type AssetAccess = z.infer<typeof AssetAccessSchema>;

/** An organisation is known by its e-mail domain: every requester writing from it shares its assets. */
export const EmailDomainSchema = z.string().trim().toLowerCase().refine((domain) => isHost(domain) && domain.includes('.'), 'expected an e-mail domain such as baltic-freight.example');

/** Whose asset it is: one requester's (their laptop) or a whole organisation's (the office router). */
export const AssetOwnerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('requester'), email: z.string().trim().toLowerCase().pipe(z.email()) }).strict(),
  z.object({ kind: z.literal('organisation'), name: z.string().trim().min(1).max(120), domain: EmailDomainSchema }).strict(),
]);
export type AssetOwner = z.infer<typeof AssetOwnerSchema>;

/** What an admin or an integration (a CMDB, an RMM) sends; the server adds the id and when it changed. */
export const AssetInputSchema = z
  .object({
    owner: AssetOwnerSchema,
    name: z.string().trim().min(1).max(120),
    kind: AssetKindSchema,
    host: HostSchema,
    notes: z.string().trim().max(2000).default(''),
    access: z.array(AssetAccessSchema).max(10).default([]),
  })
  .strict();
export type AssetInput = z.input<typeof AssetInputSchema>;

export const AssetSchema = AssetInputSchema.extend({ id: z.uuid(), updatedAt: IsoDateTimeSchema }).strict();
export type Asset = z.infer<typeof AssetSchema>;

function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The key server and replica find an asset by: its requester's e-mail, or `@domain` for an
 * organisation's, so a ticket's assets are one indexed lookup of two keys.
 */
export function assetOwnerKey(owner: AssetOwner): string {
  return owner.kind === 'requester' ? owner.email : `@${owner.domain}`;
}

/** The two keys a requester's assets are stored under: theirs and their organisation's. */
export function requesterOwnerKeys(requesterEmail: string): [string, string] {
  const email = requesterEmail.trim().toLowerCase();
  return [email, `@${emailDomain(email)}`];
}

/** Whether the asset is the requester's own or their organisation's. */
export function belongsToRequester(asset: Pick<Asset, 'owner'>, requesterEmail: string): boolean {
  const email = requesterEmail.trim().toLowerCase();
  return asset.owner.kind === 'requester' ? asset.owner.email === email : asset.owner.domain === emailDomain(email);
}
