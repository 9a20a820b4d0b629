import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { CsatSettingsSchema } from '../../shared/csat/survey.js';
import { requireAdmin } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { csatSettings, saveCsatSettings } from './csat.js';

const security = [{ bearer: [] }];
const errors = { 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema };

/** The satisfaction survey's scale (1–5 or good/bad), chosen by admins; docs/csat.md. */
export function csatSettingsRoutes({ db, clock }: ServerContext): FastifyPluginAsyncZod {
  const what = 'change the satisfaction survey';
  return async (app) => {
    app.get(
      '/api/v1/admin/csat',
      { schema: { tags: ['admin'], summary: 'The scale satisfaction surveys are shown on', security, response: { 200: CsatSettingsSchema, ...errors } } },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        return csatSettings(db);
      },
    );
    app.put(
      '/api/v1/admin/csat',
      {
        schema: {
          tags: ['admin'],
          summary: 'Choose the survey scale: five steps or good/bad; surveys opened from then on use it',
          security,
          body: CsatSettingsSchema,
          response: { 200: CsatSettingsSchema, ...errors },
        },
      },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        return saveCsatSettings(db, request.body);
      },
    );
  };
}
