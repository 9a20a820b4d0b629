import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeReply } from '../../../shared/intake/alerts.js';
import type { TicketDetail } from '../../../shared/domain/ticket.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../../testing/test-server.js';
import { DEMO_INTAKE_TOKEN } from '../integrations.js';

let server: RunningTestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
});
afterAll(() => server.stop());

const alert = (fingerprint: string, status: 'firing' | 'resolved', labels: Record<string, string> = {}) => ({
  status,
  labels: { alertname: 'DiskAlmostFull', instance: 'db-riga-2:9100', ...labels },
  annotations: { summary: 'Disk /var/lib/postgresql is 93% full' },
  startsAt: '2026-11-24T02:55:00Z',
  ...(status === 'resolved' ? { endsAt: '2026-11-24T03:20:00Z' } : {}),
  generatorURL: 'http://prometheus.example/graph?g0.expr=disk',
  fingerprint,
});
const payload = (...alerts: ReturnType<typeof alert>[]) => ({ version: '4', status: alerts[0]!.status, receiver: 'shiftdesk', alerts });

const post = (body: unknown, token: string | null = DEMO_INTAKE_TOKEN) =>
  callApi<IntakeReply & { message?: string }>(server.url, '/api/v1/intake/alertmanager', { method: 'POST', body, ...(token ? { token } : {}) });

async function ticket(id: string): Promise<TicketDetail> {
  return (await callApi<TicketDetail>(server.url, `/api/v1/tickets/${id}`, { token: await loginAs(server.url, 'admin@demo') })).body;
}

const ticketCount = async () => (await server.context.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

describe('Alertmanager intake', () => {
  it('refuses a caller without an integration token before looking at the body, and a bad payload naming the field', async () => {
    const before = await ticketCount();
    expect((await post(payload(alert('a1', 'firing')), null)).status).toBe(401);
    expect((await post({ nonsense: true }, 'wrong-token')).status).toBe(401);
    const invalid = await post({ ...payload(alert('a1', 'firing')), version: '3' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toMatch(/^body\.version/);
    expect(await ticketCount()).toBe(before);
  });

  it('opens one ticket per fingerprint, with the priority of its severity, and never a duplicate', async () => {
    const first = await post(payload(alert('fp-disk', 'firing', { severity: 'critical', queue: 'platform' })));
    expect(first.status).toBe(200);
    const [created] = first.body.results;
    expect(created).toMatchObject({ ref: 'fp-disk', outcome: 'created' });
    const detail = await ticket(created!.ticketId!);
    expect(detail.ticket).toMatchObject({ channel: 'monitoring', priority: 'critical', type: 'incident', queueId: 'platform', subject: 'DiskAlmostFull: Disk /var/lib/postgresql is 93% full' });
    expect(detail.messages[0]!.body).toContain('instance: db-riga-2:9100');

    const before = await ticketCount();
    const again = await post(payload(alert('fp-disk', 'firing', { severity: 'critical', queue: 'platform' })));
    expect(again.body.results).toEqual([{ ref: 'fp-disk', ticketId: created!.ticketId, outcome: 'duplicate' }]);
    expect(await ticketCount()).toBe(before);
  });

  it('solves the ticket of a resolved alert nobody answered, and only notes it once an agent has', async () => {
    const quiet = (await post(payload(alert('fp-quiet', 'firing', { severity: 'warning' })))).body.results[0]!;
    expect((await ticket(quiet.ticketId!)).ticket.priority).toBe('medium');
    const answered = (await post(payload(alert('fp-answered', 'firing')))).body.results[0]!;
    await server.context.tickets.change(answered.ticketId!, { actor: { userId: 'u-tier3', name: 'Andrew Clarke' }, message: { body: 'Looking at it.', isPublic: true, authorKind: 'agent' } });

    const resolved = await post(payload(alert('fp-quiet', 'resolved'), alert('fp-answered', 'resolved')));
    expect(resolved.body.results.map((r) => r.outcome)).toEqual(['resolved', 'noted']);
    const solved = await ticket(quiet.ticketId!);
    expect(solved.ticket.status).toBe('solved');
    expect(solved.messages.at(-1)).toMatchObject({ authorKind: 'system', isPublic: false });
    expect(solved.messages.at(-1)!.body).toContain('2026-11-24T03:20:00Z');
    expect((await ticket(answered.ticketId!)).ticket.status).not.toBe('solved');

    // The problem comes back: a new ticket, since the old one was closed as fixed.
    const back = (await post(payload(alert('fp-quiet', 'firing')))).body.results[0]!;
    expect(back.outcome).toBe('created');
    expect(back.ticketId).not.toBe(quiet.ticketId);
    // A resolution for an alert never seen changes nothing.
    expect((await post(payload(alert('fp-unknown', 'resolved')))).body.results).toEqual([{ ref: 'fp-unknown', ticketId: null, outcome: 'ignored' }]);
  });
});
