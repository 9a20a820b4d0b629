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

const security = [{ bearer: [] }];

/** Where other systems post what becomes tickets; each is authenticated by an integration's token. */
export function intakeRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const { db } = context;
  // The token is checked before the body, so a stranger learns nothing about the expected shape.
  const callers = new WeakMap<FastifyRequest, Integration>();
  const authenticate = async (request: FastifyRequest) => void callers.set(request, await requireIntegration(db, request));
  return async (app) => {
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
