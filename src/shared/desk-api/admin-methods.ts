import { z } from 'zod';
import { CreatedIntegrationSchema, CreateIntegrationBodySchema, IntegrationParamsSchema, IntegrationSchema } from '../admin/integrations.js';
import { MailboxCreateBodySchema, MailboxParamsSchema, MailboxPatchBodySchema, MailboxPollReplySchema, MailboxSchema } from '../admin/mailboxes.js';
import { OutboundItemSchema, QuarantinedItemSchema, QuarantineListQuerySchema, QuarantineParamsSchema } from '../admin/quarantine.js';
import { CsatSettingsSchema } from '../csat/survey.js';
import { TemplateParamsSchema, TemplatePutBodySchema, TemplateSchema } from '../notifications/templates.js';
import { DownloadedFileSchema } from './file-methods.js';

const Empty = z.object({}).strict();

/**
 * The channels' admin settings, which live on the server only: the core proxies each to its REST
 * endpoint with the signed-in admin's token, so they work online only.
 */
export const adminMethods = {
  'admin.integrations.list': { input: Empty, output: z.array(IntegrationSchema) },
  /** The answer carries the token (and signing secret): the only time anyone sees them. */
  'admin.integrations.create': { input: CreateIntegrationBodySchema.strict(), output: CreatedIntegrationSchema },
  'admin.integrations.revoke': { input: IntegrationParamsSchema.strict(), output: IntegrationSchema },
  /** Every kind in every customer language, with the placeholders each kind offers. */
  'admin.templates.list': { input: Empty, output: z.array(TemplateSchema) },
  /** A placeholder the kind does not offer comes back as invalid_input with the server's message. */
  'admin.templates.save': { input: TemplateParamsSchema.extend(TemplatePutBodySchema.shape).strict(), output: TemplateSchema },
  /** Back to the built-in text. */
  'admin.templates.reset': { input: TemplateParamsSchema.strict(), output: TemplateSchema },
  /** The scale satisfaction surveys are shown on (1–5 or good/bad). */
  'admin.csat.get': { input: Empty, output: CsatSettingsSchema },
  'admin.csat.save': { input: CsatSettingsSchema, output: CsatSettingsSchema },
  'admin.quarantine.list': { input: QuarantineListQuerySchema.strict(), output: z.array(QuarantinedItemSchema) },
  'admin.quarantine.original': { input: QuarantineParamsSchema.strict(), output: DownloadedFileSchema },
  'admin.quarantine.resolve': { input: QuarantineParamsSchema.strict(), output: QuarantinedItemSchema },
  /** Notices and replies to customers, newest first, with their delivery state. */
  'admin.outbound.list': {
    input: z.object({ status: OutboundItemSchema.shape.status.optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.array(OutboundItemSchema),
  },
  /** The IMAP mailboxes the desk reads; passwords go in and never come back. */
  'admin.mailboxes.list': { input: Empty, output: z.array(MailboxSchema) },
  'admin.mailboxes.create': { input: MailboxCreateBodySchema.strict(), output: MailboxSchema },
  'admin.mailboxes.update': { input: z.object({ id: MailboxParamsSchema.shape.id, changes: MailboxPatchBodySchema }).strict(), output: MailboxSchema },
  'admin.mailboxes.remove': { input: MailboxParamsSchema.strict(), output: MailboxSchema },
  /** Reads a mailbox now and says what became of its new mail. */
  'admin.mailboxes.poll': { input: MailboxParamsSchema.strict(), output: MailboxPollReplySchema },
} as const;
