import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { PORTAL_MAX_FILE_BYTES, PORTAL_MAX_FILES } from '../../shared/portal/forms.js';
import type { ServerContext } from '../context.js';
import { accountRoutes } from './account-routes.js';
import { portalApiRoutes } from './api-routes.js';
import { portalAssets } from './assets.js';
import { knowledgeRoutes } from './knowledge-routes.js';
import { messagePage, portalView, sendPage } from './layout.js';
import { submitRoutes } from './submit-routes.js';
import { surveyRoutes } from './survey-routes.js';

/** Only our own script and styles run; no frames, no forms posting elsewhere, nothing from other origins. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const FORM_BYTES = 64 * 1024;

/** The customer portal: pages under /portal, and the JSON its script and supervisors use. */
export function portalRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(portalPages(context), { prefix: '/portal' });
    await app.register(portalApiRoutes(context));
  };
}

function portalPages(context: ServerContext): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    // Pages are for people, not integrations: they stay out of the OpenAPI document.
    app.addHook('onRoute', (route) => {
      route.schema = { ...route.schema, hide: true };
    });
    await app.register(multipart, {
      limits: { fileSize: PORTAL_MAX_FILE_BYTES, files: PORTAL_MAX_FILES, fieldSize: 100_000, fields: 20, parts: 20 + PORTAL_MAX_FILES },
    });
    // Plain forms (sign-in, survey) post urlencoded: fields as strings, which the shared schemas check.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BYTES }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'same-origin');
      reply.header('cache-control', 'no-cache');
    });

    app.get('/assets/:name', async (request, reply) => {
      const asset = portalAssets[(request.params as { name: string }).name];
      if (!asset) return reply.callNotFound();
      return reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.contentType).send(asset.body);
    });
    submitRoutes(app, context);
    accountRoutes(app, context);
    knowledgeRoutes(app, context);
    surveyRoutes(app, context);

    app.setNotFoundHandler(async (request, reply) => {
      const view = await portalView(context, request, reply);
      return sendPage(reply, messagePage(view, view.t.t('error.notFoundTitle'), [view.t.t('error.notFound')], [{ href: '/portal', label: view.t.t('error.home') }]), 404);
    });
    // Customers get a page in their language, never a stack trace or the JSON agents' tools read.
    app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error(error);
      const view = await portalView(context, request, reply);
      const { t } = view;
      const page = messagePage(view, t.t('error.failedTitle'), [t.t(status === 500 ? 'error.failed' : 'errors.upload')], [{ href: '/portal', label: t.t('error.home') }]);
      return sendPage(reply, page, status);
    });
  };
}
