import type { AlertmanagerPayload } from '../../../shared/intake/alertmanager.js';
import type { IntakeReply } from '../../../shared/intake/alerts.js';
import type { ServerContext } from '../../context.js';
import type { Integration } from '../integrations.js';
import { receiveAlerts } from './alert-tickets.js';

export function receiveAlertmanager(context: ServerContext, integration: Integration, payload: AlertmanagerPayload): Promise<IntakeReply> {
  return receiveAlerts(
    context,
    integration,
    'alertmanager',
    payload.alerts.map((alert) => ({
      status: alert.status,
      fingerprint: alert.fingerprint,
      labels: alert.labels,
      annotations: alert.annotations,
      startsAt: alert.startsAt,
      endsAt: alert.endsAt,
      links: { Source: alert.generatorURL },
    })),
  );
}
