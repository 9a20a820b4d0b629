import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MacroListQuerySchema, MacroRefParamsSchema } from '../../shared/api/knowledge.js';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { MacroContentSchema, MacroSchema } from '../../shared/domain/knowledge.js';
import { requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { deleteMacro, findMacro, listMacros, MacroRefusal, saveMacro } from './macro-store.js';
import { announcedWrites } from '../sync/change-feed.js';

const security = [{ bearer: [] }];
const errors = { 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema, 404: ErrorReplySchema };

/** The refusals a console's mutation gets, as HTTP answers. */
function asHttpError(error: unknown): unknown {
  if (!(error instanceof MacroRefusal)) return error;
  const { code, message, field } = error.rejection;
  if (code === 'invalid') return new HttpError(400, 'invalid_request', field ? `body.${message}` : message);
  if (code === 'forbidden') return new HttpError(403, 'forbidden', message);
  return new HttpError(404, 'not_found', message);
}

/**
 * Macros for integrations: the same store and rules as the console's `macro.save` / `macro.delete`
 * mutations, and the same change log, so consoles see a macro made here at once.
 */
export function macroRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock, feed } = context;

  const write = announcedWrites(db, feed, asHttpError);

  return async (app) => {
    app.get(
      '/api/v1/macros',
      {
        schema: {
          tags: ['macros'],
          summary: 'List the macros the caller may use (the desk’s shared ones and their own), by title; `q` searches name and text',
          security,
          querystring: MacroListQuerySchema,
          response: { 200: z.array(MacroSchema), 400: ErrorReplySchema, 401: ErrorReplySchema },
        },
      },
      async (request) => listMacros(db, await requireUser(db, clock, request), request.query),
    );

    app.get(
      '/api/v1/macros/:id',
      { schema: { tags: ['macros'], summary: 'One macro: shared, or the caller’s own', security, params: MacroRefParamsSchema, response: { 200: MacroSchema, ...errors } } },
      async (request) => {
        const macro = await findMacro(db, await requireUser(db, clock, request), request.params.id);
        if (!macro) throw new HttpError(404, 'not_found', `No macro ${request.params.id}`);
        return macro;
      },
    );

    app.post(
      '/api/v1/macros',
      {
        schema: {
          tags: ['macros'],
          summary: 'Create a macro: the caller’s own (shared: false), or one for the whole desk (shared: true, supervisors and admins)',
          security,
          body: MacroContentSchema,
          response: { 201: MacroSchema, ...errors },
        },
      },
      async (request, reply) => {
        const user = await requireUser(db, clock, request);
        const { macro } = await write((trx) => saveMacro(trx, clock, user, randomUUID(), request.body));
        return reply.status(201).send(macro);
      },
    );

    app.put(
      '/api/v1/macros/:id',
      {
        schema: {
          tags: ['macros'],
          summary: 'Replace a macro’s title, text, language, sharing and actions (own personal macros; shared ones: supervisors and admins)',
          security,
          params: MacroRefParamsSchema,
          body: MacroContentSchema,
          response: { 200: MacroSchema, ...errors },
        },
      },
      async (request) => {
        const user = await requireUser(db, clock, request);
        if (!(await findMacro(db, user, request.params.id))) throw new HttpError(404, 'not_found', `No macro ${request.params.id}`);
        return (await write((trx) => saveMacro(trx, clock, user, request.params.id, request.body))).macro;
      },
    );

    app.delete(
      '/api/v1/macros/:id',
      {
        schema: { tags: ['macros'], summary: 'Delete a macro (own personal macros; shared ones: supervisors and admins)', security, params: MacroRefParamsSchema, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        const user = await requireUser(db, clock, request);
        await write((trx) => deleteMacro(trx, clock, user, request.params.id));
        return reply.status(204).send(null);
      },
    );
  };
}
