import { describe, expect, it } from 'vitest';
import type { TicketPage } from '../../src/shared/api/rest.js';
import type { Ticket } from '../../src/shared/domain/ticket.js';
import { DEMO_INTAKE_TOKEN } from '../../src/server/intake/integrations.js';
import { loginAs } from '../../src/server/testing/test-server.js';
import { startAlertmanager } from '../support/alertmanager.js';
import { deskHarness } from '../support/desk-harness.js';

const { server, onCleanup } = deskHarness('shiftdesk-alertmanager-');

async function backupAlertTickets(url: string, token: string): Promise<Ticket[]> {
  const page = (await (await fetch(`${url}/api/v1/tickets?pageSize=200`, { headers: { authorization: `Bearer ${token}` } })).json()) as TicketPage;
  return page.items.filter((t) => t.channel === 'monitoring' && t.subject.startsWith('NightlyBackupFailed'));
}

describe('a real Prometheus Alertmanager', () => {
  it('opens one ticket for a firing alert, adds none while it keeps firing, and solves it when it resolves unanswered', { timeout: 30_000 }, async () => {
    const running = await server();
    const alertmanager = await startAlertmanager(`${running.url}/api/v1/intake/alertmanager`, DEMO_INTAKE_TOKEN);
    onCleanup(() => alertmanager.stop());
    const token = await loginAs(running.url, 'admin@demo');

    const labels = { alertname: 'NightlyBackupFailed', instance: 'backup-riga-1', severity: 'critical', queue: 'platform' };
    const raise = (endsAt?: string) =>
      fetch(`${alertmanager.url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ labels, annotations: { summary: 'pg_dump exited with code 1' }, startsAt: new Date(Date.now() - 60_000).toISOString(), ...(endsAt ? { endsAt } : {}) }]),
      });
    expect((await raise()).ok).toBe(true);
    await expect.poll(async () => (await backupAlertTickets(running.url, token)).length, { timeout: 20_000 }).toBe(1);
    const [opened] = await backupAlertTickets(running.url, token);
    expect(opened).toMatchObject({ subject: 'NightlyBackupFailed: pg_dump exited with code 1', priority: 'critical', queueId: 'platform', status: 'new' });

    // Still firing, sent again: Alertmanager repeats the group, Shiftdesk opens nothing new.
    expect((await raise()).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await backupAlertTickets(running.url, token)).toHaveLength(1);

    expect((await raise(new Date().toISOString())).ok).toBe(true);
    await expect.poll(async () => (await backupAlertTickets(running.url, token))[0]?.status, { timeout: 20_000 }).toBe('solved');
    expect(await backupAlertTickets(running.url, token)).toHaveLength(1);
  });
});
