import { resolve } from 'node:path';
import { z } from 'zod';
import { mailSenderOf, type MailSender } from './outbound/smtp-deliverer.js';

const EnvSchema = z.object({
  SHIFTDESK_PORT: z.coerce.number().int().min(0).max(65_535).default(4780),
  SHIFTDESK_HOST: z.string().min(1).default('127.0.0.1'),
  SHIFTDESK_DATA: z.string().min(1).default('.shiftdesk/server'),
  /** Demo data is seeded into an empty data folder unless this is "0". */
  SHIFTDESK_DEMO: z.enum(['0', '1']).default('1'),
  /** How long deletions stay in the change log; consoles offline for longer resync from scratch. */
  SHIFTDESK_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** Where customers reach the portal and surveys (behind a proxy: its public address); defaults to the listening address. */
  SHIFTDESK_PUBLIC_URL: z.url().optional(),
  /** The SMTP receiver listens here when set (see docs/email.md). */
  SHIFTDESK_SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  /** Its address; defaults to SHIFTDESK_HOST. */
  SHIFTDESK_SMTP_HOST: z.string().min(1).optional(),
  /** Comma-separated addresses and domains it takes mail for; unset, it takes mail for any. */
  SHIFTDESK_SMTP_RECIPIENTS: z.string().optional(),
  /** The relay outbound mail goes through (smtp://host:25, smtps://user:pass@host:465); unset, mail waits in the queue. */
  SHIFTDESK_SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]/, 'expected smtp://host:port or smtps://user:password@host:port').optional(),
  /** The desk's From ("Acme Support <support@acme.example>"); its domain is the domain of the desk's Message-IDs. */
  SHIFTDESK_MAIL_FROM: z
    .string()
    .transform((value, context): MailSender => {
      try {
        return mailSenderOf(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  /** How often each IMAP mailbox is read. */
  SHIFTDESK_IMAP_POLL_SECONDS: z.coerce.number().int().min(1).default(60),
  /** How long into the incoming shift a handover waits for an acknowledgement before the supervisors are alerted. */
  SHIFTDESK_HANDOFF_ACK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  logRetentionDays: number;
  /** Where customers reach the server; null: the address it listens on, known once it does (port 0 picks one). */
  publicUrl: string | null;
  smtpReceiver: { port: number; host: string; recipients: string[] | null } | null;
  smtpRelayUrl: string | null;
  mailFrom: MailSender | null;
  mailPollSeconds: number;
  handoffAcknowledgeMinutes: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const data = parsed.data;
  if (data.SHIFTDESK_SMTP_URL && !data.SHIFTDESK_MAIL_FROM) throw new Error('Invalid configuration: SHIFTDESK_MAIL_FROM: required with SHIFTDESK_SMTP_URL');
  const recipients = (data.SHIFTDESK_SMTP_RECIPIENTS ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  return {
    port: parsed.data.SHIFTDESK_PORT,
    host: parsed.data.SHIFTDESK_HOST,
    dataDir: resolve(parsed.data.SHIFTDESK_DATA),
    seedDemo: parsed.data.SHIFTDESK_DEMO === '1',
    logRetentionDays: parsed.data.SHIFTDESK_LOG_RETENTION_DAYS,
    publicUrl: parsed.data.SHIFTDESK_PUBLIC_URL ?? null,
    smtpReceiver: data.SHIFTDESK_SMTP_PORT
      ? { port: data.SHIFTDESK_SMTP_PORT, host: data.SHIFTDESK_SMTP_HOST ?? data.SHIFTDESK_HOST, recipients: recipients.length > 0 ? recipients : null }
      : null,
    smtpRelayUrl: data.SHIFTDESK_SMTP_URL ?? null,
    mailFrom: data.SHIFTDESK_MAIL_FROM ?? null,
    mailPollSeconds: data.SHIFTDESK_IMAP_POLL_SECONDS,
    handoffAcknowledgeMinutes: data.SHIFTDESK_HANDOFF_ACK_MINUTES,
  };
}
