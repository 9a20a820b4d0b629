import type { IntakeReply } from '../../../shared/intake/alerts.js';
import type { GrafanaPayload } from '../../../shared/intake/grafana.js';
import type { ServerContext } from '../../context.js';
import type { Integration } from '../integrations.js';
import { receiveAlerts } from './alert-tickets.js';

export function receiveGrafana(context: ServerContext, integration: Integration, payload: GrafanaPayload): Promise<IntakeReply> {
  return receiveAlerts(
    context,
    integration,
    'grafana',
    payload.alerts.map((alert) => ({
      status: alert.status,
      fingerprint: alert.fingerprint,
      labels: alert.labels,
      annotations: alert.annotations ?? {},
      startsAt: alert.startsAt,
      endsAt: alert.endsAt,
      values: alert.valueString,
      links: { Source: alert.generatorURL, Dashboard: alert.dashboardURL, Panel: alert.panelURL, Silence: alert.silenceURL, Image: alert.imageURL },
    })),
  );
}
