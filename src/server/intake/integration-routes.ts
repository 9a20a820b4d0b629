import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreatedIntegrationSchema, CreateIntegrationBodySchema, IntegrationListSchema, IntegrationParamsSchema, IntegrationSchema } from '../../shared/admin/integrations.js';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { isoNow } from '../../shared/clock.js';
import { requireAdmin } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import type { Database } from '../storage/schema.js';
import { createIntegration } from './integrations.js';

const security = [{ bearer: [] }];
const errors = { 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema, 404: ErrorReplySchema };

const newSecret = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`;

function infoOf(row: Pick<Database['integrations'], 'id' | 'name' | 'created_at' | 'revoked_at' | 'signing_secret'>) {
  return { id: row.id, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at, signed: row.signing_secret !== null };
}

/** Admins create the tokens monitoring systems and webhook bridges post with, and revoke them. */
export function integrationRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock } = context;
  const what = 'manage integrations';
  const columns = ['id', 'name', 'created_at', 'revoked_at', 'signing_secret'] as const;
  return async (app) => {
    app.get(
      '/api/v1/admin/integrations',
      { schema: { tags: ['admin'], summary: 'Integrations allowed to post to /api/v1/intake/*', security, response: { 200: IntegrationListSchema, ...errors } } },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        return { items: (await db.selectFrom('integrations').select(columns).orderBy('created_at').execute()).map(infoOf) };
      },
    );
    app.post(
      '/api/v1/admin/integrations',
      {
        schema: {
          tags: ['admin'],
          summary: 'Create an integration; its token (and signing secret) are shown this once',
          security,
          body: CreateIntegrationBodySchema,
          response: { 201: CreatedIntegrationSchema, ...errors },
        },
      },
      async (request, reply) => {
        await requireAdmin(db, clock, request, what);
        const token = newSecret('sdi');
        const signingSecret = request.body.signed ? newSecret('sdw') : null;
        const createdAt = isoNow(clock);
        const created = await createIntegration(db, request.body.name, token, createdAt, signingSecret);
        return reply.status(201).send({ id: created.id, name: created.name, createdAt, revokedAt: null, signed: signingSecret !== null, token, signingSecret });
      },
    );
    app.post(
      '/api/v1/admin/integrations/:id/revoke',
      { schema: { tags: ['admin'], summary: 'Revoke an integration: its token stops working at once', security, params: IntegrationParamsSchema, response: { 200: IntegrationSchema, ...errors } } },
      async (request) => {
        await requireAdmin(db, clock, request, what);
        await db.updateTable('integrations').set({ revoked_at: isoNow(clock) }).where('id', '=', request.params.id).where('revoked_at', 'is', null).execute();
        const row = await db.selectFrom('integrations').select(columns).where('id', '=', request.params.id).executeTakeFirst();
        if (!row) throw new HttpError(404, 'not_found', `No integration ${request.params.id}`);
        return infoOf(row);
      },
    );
  };
}
