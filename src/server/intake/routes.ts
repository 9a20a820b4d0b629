import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorReplySchema } from '../../shared/api/rest.js';
import { AlertmanagerPayloadSchema } from '../../shared/intake/alertmanager.js';
import { IntakeReplySchema } from '../../shared/intake/alerts.js';
import { GrafanaPayloadSchema } from '../../shared/intake/grafana.js';
import type { ServerContext } from '../context.js';
import { requireIntegration, type Integration } from './integrations.js';
import { receiveAlertmanager } from './monitoring/alertmanager.js';
import { receiveGrafana } from './monitoring/grafana.js';
import { WebhookMessageSchema, WebhookReplySchema } from '../../shared/intake/webhook.js';
import { verifyWebhookSignature } from './webhook/signature.js';
import { receiveWebhook } from './webhook/webhook.js';

const security = [{ bearer: [] }];

/** Where other systems post what becomes tickets; each is authenticated by an integration's token. */
export function intakeRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db } = context;
  // The token is checked before the body, so a stranger learns nothing about the expected shape.
  const callers = new WeakMap<FastifyRequest, Integration>();
  const authenticate = async (request: FastifyRequest) => void callers.set(request, await requireIntegration(db, request));
  // A signature covers the exact bytes sent, so they are kept beside the parsed body.
  const rawBodies = new WeakMap<FastifyRequest, Buffer>();
  const verifySignature = async (request: FastifyRequest) =>
    verifyWebhookSignature(callers.get(request)!.signingSecret, request.headers, rawBodies.get(request) ?? Buffer.alloc(0), context.clock.now());
  return async (app) => {
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
      rawBodies.set(request, body);
      try {
        done(null, body.length === 0 ? undefined : JSON.parse(body.toString('utf8')));
      } catch {
        done(Object.assign(new Error('body: not valid JSON'), { statusCode: 400, code: 'invalid_request' }), undefined);
      }
    });
    app.post(
      '/api/v1/intake/webhook',
      {
        preValidation: [authenticate, verifySignature],
        schema: {
          tags: ['intake'],
          summary: 'Generic webhook (social networks, other sites, scripts), signed with HMAC-SHA256: a new ticket per conversation, later posts join it',
          security,
          body: WebhookMessageSchema,
          response: { 200: WebhookReplySchema, 400: ErrorReplySchema, 401: ErrorReplySchema, 413: ErrorReplySchema },
        },
      },
      async (request) => receiveWebhook(context, callers.get(request)!, request.body),
    );
    app.post(
      '/api/v1/intake/alertmanager',
      {
        preValidation: authenticate,
        schema: {
          tags: ['intake'],
          summary: 'Prometheus Alertmanager webhook (payload version 4): one ticket per alert fingerprint, solved when the alert resolves unanswered',
          security,
          body: AlertmanagerPayloadSchema,
          response: { 200: IntakeReplySchema, 400: ErrorReplySchema, 401: ErrorReplySchema },
        },
      },
      async (request) => receiveAlertmanager(context, callers.get(request)!, request.body),
    );
    app.post(
      '/api/v1/intake/grafana',
      {
        preValidation: authenticate,
        schema: {
          tags: ['intake'],
          summary: 'Grafana alerting webhook contact point (payload version 1): one ticket per alert fingerprint, solved when the alert resolves unanswered',
          security,
          body: GrafanaPayloadSchema,
          response: { 200: IntakeReplySchema, 400: ErrorReplySchema, 401: ErrorReplySchema },
        },
      },
      async (request) => receiveGrafana(context, callers.get(request)!, request.body),
    );
  };
}
