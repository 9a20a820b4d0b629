import { z } from 'zod';

/** The languages customers are answered in; anything else gets English. */
export const customerLocales = ['en', 'pl', 'ru', 'lv'] as const;
export const CustomerLocaleSchema = z.enum(customerLocales);
export type CustomerLocale = z.infer<typeof CustomerLocaleSchema>;

/**
 * What the desk says to customers by itself. The acknowledgement has three forms, because "we are
 * closed" and "we are busy" are different promises from "we are on it".
 */
export const templateKinds = ['ack.open', 'ack.closed', 'ack.busy', 'status.pending', 'status.solved', 'reply', 'portal.link', 'chat.fallback', 'escalation.vendor'] as const;
export const TemplateKindSchema = z.enum(templateKinds);
export type TemplateKind = z.infer<typeof TemplateKindSchema>;

const ticketFields = ['ticket.number', 'ticket.subject', 'requester.name', 'portal.url'] as const;

/** The placeholders each kind may use; a template naming anything else is refused when saved. */
export const templatePlaceholders: Record<TemplateKind, readonly string[]> = {
  'ack.open': [...ticketFields, 'answer.by'],
  'ack.closed': [...ticketFields, 'answer.by'],
  'ack.busy': [...ticketFields, 'answer.by'],
  'status.pending': ticketFields,
  'status.solved': [...ticketFields, 'survey.url'],
  reply: [...ticketFields, 'message.body', 'agent.name'],
  'portal.link': ['requester.name', 'link.url', 'link.expires'],
  'chat.fallback': [...ticketFields, 'message.body', 'agent.name'],
  // To a vendor's support desk, not to the customer: the ticket's facts and why it is escalated.
  'escalation.vendor': ['ticket.number', 'ticket.subject', 'ticket.priority', 'vendor.name', 'escalation.reason', 'escalated.by'],
};

export const TemplateSchema = z.object({
  kind: TemplateKindSchema,
  locale: CustomerLocaleSchema,
  subject: z.string(),
  body: z.string(),
  /** False while the built-in text is in force. */
  customised: z.boolean(),
  placeholders: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type Template = z.infer<typeof TemplateSchema>;

export const TemplateListSchema = z.object({ items: z.array(TemplateSchema) });
export const TemplateParamsSchema = z.object({ kind: TemplateKindSchema, locale: CustomerLocaleSchema });
export const TemplatePutBodySchema = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
});

const placeholderPattern = /\{\{\s*([a-z_.]+)\s*\}\}/g;

/** Placeholders a text names that its kind does not offer: a typo would otherwise reach customers verbatim. */
export function unknownPlaceholders(kind: TemplateKind, text: string): string[] {
  const allowed = new Set(templatePlaceholders[kind]);
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1]!).filter((name) => !allowed.has(name)))];
}

export function renderTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(placeholderPattern, (whole, name: string) => values[name] ?? whole);
}
