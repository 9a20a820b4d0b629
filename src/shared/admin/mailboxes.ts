import { z } from 'zod';

/** An IMAP mailbox the desk polls, as admins see it: never with its password. */
export const MailboxSchema = z.object({
  id: z.uuid(),
  /** Shown in quarantine as the source (`imap:<name>`), so it is unique. */
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  /** TLS from the first byte (port 993); otherwise STARTTLS when the server offers it. */
  secure: z.boolean(),
  username: z.string(),
  folder: z.string(),
  /** Where new tickets from this mailbox land; replies join their ticket wherever it is. */
  queueId: z.string(),
  enabled: z.boolean(),
  /** The folder's UIDVALIDITY when it was last read; null until the first poll. */
  uidValidity: z.string().nullable(),
  /** Every message up to this UID has been taken in (or quarantined). */
  lastUid: z.number().int(),
  lastPolledAt: z.string().nullable(),
  /** Why the last poll failed (server down, wrong password); null when it worked. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export type Mailbox = z.infer<typeof MailboxSchema>;

const fields = {
  name: z.string().trim().min(1).max(100),
  host: z.string().trim().min(1).max(255).regex(/^[^\s/:]+$/, 'a host name or address, without scheme or port'),
  port: z.number().int().min(1).max(65_535),
  secure: z.boolean(),
  username: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
  folder: z.string().trim().min(1).max(200),
  queueId: z.string().min(1),
  enabled: z.boolean(),
};

export const MailboxCreateBodySchema = z.object({
  ...fields,
  port: fields.port.default(993),
  secure: fields.secure.default(true),
  folder: fields.folder.default('INBOX'),
  queueId: fields.queueId.default('general'),
  enabled: fields.enabled.default(true),
});
export type MailboxCreateBody = z.input<typeof MailboxCreateBodySchema>;

/** Any subset of the fields; a new host, user or folder is a new mailbox, read from its oldest unread message. */
export const MailboxPatchBodySchema = z
  .object(fields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'at least one field to change');
export type MailboxPatchBody = z.input<typeof MailboxPatchBodySchema>;

export const MailboxParamsSchema = z.object({ id: z.uuid() });
export const MailboxListSchema = z.object({ items: z.array(MailboxSchema) });

/** What one poll did: how many messages it read and what became of them. */
export const MailboxPollReplySchema = z.object({
  mailbox: MailboxSchema,
  fetched: z.number().int(),
  created: z.number().int(),
  joined: z.number().int(),
  /** Already taken in under the same Message-ID (another mailbox, an earlier read of a rebuilt folder). */
  duplicates: z.number().int(),
  quarantined: z.number().int(),
  /** Why the poll stopped early (the server, the password); the counts say what it did before. */
  error: z.string().nullable(),
});
export type MailboxPollReply = z.infer<typeof MailboxPollReplySchema>;
