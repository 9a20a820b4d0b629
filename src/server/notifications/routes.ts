import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { isoNow } from '../../shared/clock.js';
import { TemplateListSchema, TemplateParamsSchema, TemplatePutBodySchema, TemplateSchema } from '../../shared/notifications/templates.js';
import { requireAdmin } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { listTemplates, resetTemplate, saveTemplate, TemplateError } from './template-store.js';

const security = [{ bearer: [] }];
const errors = { 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema };

/** The texts customers receive (acknowledgements, status notices, reply wrappers), edited by admins. */
export function templateRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock } = context;
  const what = 'edit customer notification templates';
  return async (app) => {
    app.get(
      '/api/v1/admin/templates',
      { schema: { tags: ['admin'], summary: 'Every notification template in every customer language, with its placeholders', security, response: { 200: TemplateListSchema, ...errors } } },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        return { items: await listTemplates(db) };
      },
    );
    app.put(
      '/api/v1/admin/templates/:kind/:locale',
      {
        schema: {
          tags: ['admin'],
          summary: 'Replace a template; a placeholder its kind does not offer is refused',
          security,
          params: TemplateParamsSchema,
          body: TemplatePutBodySchema,
          response: { 200: TemplateSchema, ...errors },
        },
      },
      async (request) => {
        const user = await requireAdmin(db, clock, request, what);
        try {
          return await saveTemplate(db, request.params.kind, request.params.locale, request.body, user.id, isoNow(clock));
        } catch (error) {
          if (error instanceof TemplateError) throw new HttpError(400, 'invalid_request', `body: ${error.message}`);
          throw error;
        }
      },
    );
    app.delete(
      '/api/v1/admin/templates/:kind/:locale',
      { schema: { tags: ['admin'], summary: 'Go back to the built-in text', security, params: TemplateParamsSchema, response: { 200: TemplateSchema, ...errors } } },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        return resetTemplate(db, request.params.kind, request.params.locale);
      },
    );
  };
}
