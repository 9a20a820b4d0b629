import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ArticleConflictReplySchema, ArticleRefParamsSchema, ArticleVersionParamsSchema } from '../../shared/api/knowledge.js';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { ArticleContentSchema, ArticleEditSchema, ArticleSchema, ArticleVersionSchema, ArticleVersionSummarySchema } from '../../shared/domain/knowledge.js';
import { requireUser } from '../auth/guard.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { ArticleRefusal, createArticle, editArticle, findArticle, findVersion, listVersions } from './article-store.js';
import { announcedWrites } from '../sync/change-feed.js';

const security = [{ bearer: [] }];
const errors = { 400: ErrorReplySchema, 401: ErrorReplySchema, 403: ErrorReplySchema, 404: ErrorReplySchema };

/**
 * Writing the knowledge base, online only (docs/knowledge.md): every save is a new version, and an
 * edit names the version it started from, so two editors never overwrite each other unseen.
 * Reading is the consoles' replica (offline) and the portal's public pages.
 */
export function knowledgeRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db, clock, feed } = context;

  const write = announcedWrites(db, feed);

  function refusal(error: unknown): unknown {
    if (!(error instanceof ArticleRefusal) || error.code === 'conflict') return error;
    return new HttpError(error.code === 'forbidden' ? 403 : 404, error.code, error.message);
  }

  return async (app) => {
    app.get(
      '/api/v1/articles/:id',
      { schema: { tags: ['knowledge'], summary: 'One article as it is now, internal or public', security, params: ArticleRefParamsSchema, response: { 200: ArticleSchema, ...errors } } },
      async (request) => {
        await requireUser(db, clock, request);
        const article = await findArticle(db, request.params.id);
        if (!article) throw new HttpError(404, 'not_found', `No article ${request.params.id}`);
        return article;
      },
    );

    app.post(
      '/api/v1/articles',
      {
        schema: { tags: ['knowledge'], summary: 'Write a new article, as version 1 (supervisors and admins)', security, body: ArticleContentSchema, response: { 201: ArticleSchema, ...errors } },
      },
      async (request, reply) => {
        const user = await requireUser(db, clock, request);
        try {
          return reply.status(201).send(await write((trx) => createArticle(trx, clock, user, request.body)));
        } catch (error) {
          throw refusal(error);
        }
      },
    );

    app.put(
      '/api/v1/articles/:id',
      {
        schema: {
          tags: ['knowledge'],
          summary: 'Save an edit as the next version (supervisors and admins); 409 when someone saved a version after `baseVersion`, nothing changed',
          security,
          params: ArticleRefParamsSchema,
          body: ArticleEditSchema,
          response: { 200: ArticleSchema, 409: ArticleConflictReplySchema, ...errors },
        },
      },
      async (request, reply) => {
        const user = await requireUser(db, clock, request);
        try {
          return await write((trx) => editArticle(trx, clock, user, request.params.id, request.body));
        } catch (error) {
          if (error instanceof ArticleRefusal && error.code === 'conflict') {
            return reply.status(409).send({ error: 'conflict', message: error.message, ...(error.current ? { current: error.current } : {}) });
          }
          throw refusal(error);
        }
      },
    );

    app.get(
      '/api/v1/articles/:id/versions',
      {
        schema: { tags: ['knowledge'], summary: 'The article’s versions, newest first: who saved each, when, and why', security, params: ArticleRefParamsSchema, response: { 200: z.array(ArticleVersionSummarySchema), ...errors } },
      },
      async (request) => {
        await requireUser(db, clock, request);
        const versions = await listVersions(db, request.params.id);
        if (versions.length === 0) throw new HttpError(404, 'not_found', `No article ${request.params.id}`);
        return versions;
      },
    );

    app.get(
      '/api/v1/articles/:id/versions/:version',
      {
        schema: { tags: ['knowledge'], summary: 'One version of an article with its text (restoring it is saving it as a new version)', security, params: ArticleVersionParamsSchema, response: { 200: ArticleVersionSchema, ...errors } },
      },
      async (request) => {
        await requireUser(db, clock, request);
        const version = await findVersion(db, request.params.id, request.params.version);
        if (!version) throw new HttpError(404, 'not_found', `No version ${request.params.version} of article ${request.params.id}`);
        return version;
      },
    );
  };
}
