import type { z } from 'zod';
import { CreatedIntegrationSchema, IntegrationListSchema, IntegrationSchema } from '../../../shared/admin/integrations.js';
import { MailboxListSchema, MailboxPollReplySchema, MailboxSchema } from '../../../shared/admin/mailboxes.js';
import { OutboundListSchema, QuarantinedItemSchema, QuarantineListSchema } from '../../../shared/admin/quarantine.js';
import type { adminMethods } from '../../../shared/desk-api/admin-methods.js';
import type { DeskApi } from '../../../shared/desk-api/contract.js';
import type { fileMethods } from '../../../shared/desk-api/file-methods.js';
import { CsatSettingsSchema } from '../../../shared/csat/survey.js';
import { TemplateListSchema, TemplateSchema } from '../../../shared/notifications/templates.js';
import { requestFile, requestJson, type ServerRequest } from '../sync/server-api.js';

type ChannelMethod = keyof typeof fileMethods | keyof typeof adminMethods;

export interface ServerSession {
  serverUrl: string;
  token: string;
}

/**
 * The DeskApi methods that only the server can answer (files, and the channels' admin settings):
 * each is one REST call with the signed-in agent's token, so they fail with `unavailable` offline.
 * `session` throws when nobody is signed in.
 */
export function channelApi(session: () => ServerSession): Pick<DeskApi, ChannelMethod> {
  const at = (path: string, init: Pick<ServerRequest, 'method' | 'body'> = {}): ServerRequest => ({ ...session(), path, ...init });
  const json = <T extends z.ZodType>(path: string, reply: T, init?: Pick<ServerRequest, 'method' | 'body'>) => requestJson({ ...at(path, init), reply });
  const query = (params: Record<string, string | number | undefined>) => {
    const defined = Object.entries(params).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]]));
    return defined.length > 0 ? `?${new URLSearchParams(defined).toString()}` : '';
  };
  const templatePath = (kind: string, locale: string) => `/api/v1/admin/templates/${encodeURIComponent(kind)}/${locale}`;

  return {
    'files.download': ({ ticketId, kind, id }) =>
      requestFile(at(kind === 'attachment' ? `/api/v1/tickets/${ticketId}/attachments/${id}` : `/api/v1/tickets/${ticketId}/messages/${id}/original`)),
    'admin.integrations.list': async () => (await json('/api/v1/admin/integrations', IntegrationListSchema)).items,
    'admin.integrations.create': (body) => json('/api/v1/admin/integrations', CreatedIntegrationSchema, { body }),
    'admin.integrations.revoke': ({ id }) => json(`/api/v1/admin/integrations/${id}/revoke`, IntegrationSchema, { method: 'POST' }),
    'admin.templates.list': async () => (await json('/api/v1/admin/templates', TemplateListSchema)).items,
    'admin.templates.save': ({ kind, locale, subject, body }) => json(templatePath(kind, locale), TemplateSchema, { method: 'PUT', body: { subject, body } }),
    'admin.templates.reset': ({ kind, locale }) => json(templatePath(kind, locale), TemplateSchema, { method: 'DELETE' }),
    'admin.csat.get': () => json('/api/v1/admin/csat', CsatSettingsSchema),
    'admin.csat.save': (body) => json('/api/v1/admin/csat', CsatSettingsSchema, { method: 'PUT', body }),
    'admin.quarantine.list': async ({ state }) => (await json(`/api/v1/admin/quarantine${query({ state })}`, QuarantineListSchema)).items,
    'admin.quarantine.original': ({ id }) => requestFile(at(`/api/v1/admin/quarantine/${id}/original`)),
    'admin.quarantine.resolve': ({ id }) => json(`/api/v1/admin/quarantine/${id}/resolve`, QuarantinedItemSchema, { method: 'POST' }),
    'admin.outbound.list': async ({ status, limit }) => (await json(`/api/v1/admin/outbound${query({ status, limit })}`, OutboundListSchema)).items,
    'admin.mailboxes.list': async () => (await json('/api/v1/admin/mailboxes', MailboxListSchema)).items,
    'admin.mailboxes.create': (body) => json('/api/v1/admin/mailboxes', MailboxSchema, { body }),
    'admin.mailboxes.update': ({ id, changes }) => json(`/api/v1/admin/mailboxes/${id}`, MailboxSchema, { method: 'PATCH', body: changes }),
    'admin.mailboxes.remove': ({ id }) => json(`/api/v1/admin/mailboxes/${id}`, MailboxSchema, { method: 'DELETE' }),
    'admin.mailboxes.poll': ({ id }) => json(`/api/v1/admin/mailboxes/${id}/poll`, MailboxPollReplySchema, { method: 'POST' }),
  };
}
