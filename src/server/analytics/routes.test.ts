import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../../shared/analytics/report.js';
import { csvField } from './csv.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';

const clock = { now: () => Date.parse('2026-11-23T10:00:00Z') };
let server: RunningTestServer;
const tokens: Record<string, string> = {};
const query = 'from=2026-10-25&to=2026-11-23&timeZone=Europe/Warsaw';

beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
  for (const email of ['agent@demo', 'supervisor@demo', 'admin@demo']) tokens[email] = await loginAs(server.url, email);
});
afterAll(() => server.stop());

describe('GET /api/v1/analytics', () => {
  it('answers supervisors and admins with the demo desk’s last 30 days', async () => {
    for (const email of ['supervisor@demo', 'admin@demo']) {
      const { status, body } = await callApi<AnalyticsReport>(server.url, `/api/v1/analytics?${query}&groupBy=queue&granularity=week`, { token: tokens[email] });
      expect(status).toBe(200);
      expect(body.periods[0]).toMatchObject({ key: '2026-10-19', firstDay: '2026-10-25', start: '2026-10-24T22:00:00.000Z' });
      expect(body.groups.map((group) => group.key)).toContain('billing');
      expect(body.groups.find((group) => group.key === 'billing')?.name).toBe('Billing');
      expect(body.totals.reduce((sum, total) => sum + total.metrics.created, 0)).toBeGreaterThan(0);
      // A few hundred dirty tickets after seeding: the report waited for them.
      expect(body.factsPending).toBe(0);
    }
  });

  it('finds a month of work in the demo desk: replies, solves, reopens, escalations and rated tickets', async () => {
    const { body } = await callApi<AnalyticsReport>(server.url, `/api/v1/analytics?${query}`, { token: tokens['supervisor@demo'] });
    const total = body.totals[0]!.metrics;
    expect(body.buckets.filter((bucket) => bucket.metrics.solved > 0).length).toBeGreaterThanOrEqual(25);
    expect(total.nextReply.count).toBeGreaterThan(20);
    expect(total.reopen.reopened).toBeGreaterThan(0);
    expect(total.escalation[0]!.escalated).toBeGreaterThan(0);
    expect(total.csat.answers).toBeGreaterThan(20);
    expect(total.csat.satisfiedRate).toBeGreaterThan(0.3);
    expect(body.csatComments.length).toBeGreaterThan(0);
    expect(total.sla.firstResponse.met + total.sla.firstResponse.breached).toBeGreaterThan(100);
  });

  it('refuses agents with 403 and callers without a token with 401', async () => {
    expect((await callApi(server.url, `/api/v1/analytics?${query}`, { token: tokens['agent@demo'] })).status).toBe(403);
    expect((await callApi(server.url, `/api/v1/analytics.csv?${query}`, { token: tokens['agent@demo'] })).status).toBe(403);
    expect((await callApi(server.url, `/api/v1/analytics?${query}`)).status).toBe(401);
  });

  it.each([
    ['from=2026-11-23', /^querystring\.to/],
    ['from=2026-11-31&to=2026-12-01', /^querystring\.from: no such date/],
    ['from=2026-11-23&to=2026-11-01', /^querystring\.to: 2026-11-01 is before from 2026-11-23/],
    ['from=2025-01-01&to=2026-11-23', /^querystring\.to: at most 366 days/],
    ['from=2026-11-01&to=2026-11-23&timeZone=Mars/Olympus', /^querystring\.timeZone: unknown IANA time zone/],
    ['from=2026-11-01&to=2026-11-23&groupBy=team', /^querystring\.groupBy/],
    ['from=2026-11-01&to=2026-11-23&channels=email,pigeon', /^querystring\.channels\.1/],
    ['from=2026-11-01&to=2026-11-23&granularity=month', /^querystring\.granularity/],
  ])('refuses %s with 400 naming the field', async (bad, message) => {
    const { status, body } = await callApi<{ message: string }>(server.url, `/api/v1/analytics?${bad}`, { token: tokens['supervisor@demo'] });
    expect(status).toBe(400);
    expect(body.message).toMatch(message);
  });

  it('filters: a channel list keeps only those channels’ tickets', async () => {
    const all = await callApi<AnalyticsReport>(server.url, `/api/v1/analytics?${query}&groupBy=channel`, { token: tokens['supervisor@demo'] });
    const email = await callApi<AnalyticsReport>(server.url, `/api/v1/analytics?${query}&groupBy=channel&channels=email`, { token: tokens['supervisor@demo'] });
    expect(email.body.groups.map((group) => group.key)).toEqual(['email']);
    expect(email.body.totals[0]!.metrics.created).toBe(all.body.totals.find((total) => total.group === 'email')!.metrics.created);
  });
});

describe('GET /api/v1/analytics.csv', () => {
  it('sends a header row and a row per period and group, then the totals, as a download', async () => {
    const response = await fetch(`${server.url}/api/v1/analytics.csv?${query}&groupBy=queue&granularity=week`, { headers: { authorization: `Bearer ${tokens['supervisor@demo']}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('shiftdesk-analytics-2026-10-25-2026-11-23-week-queue.csv');
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 8)).toEqual(['scope', 'period', 'first_day', 'last_day', 'group', 'group_name', 'created', 'solved']);
    expect(header).toContain('first_response_business_median_min');
    expect(lines.slice(1).every((line) => line.split(',').length === header.length)).toBe(true);
    const json = await callApi<AnalyticsReport>(server.url, `/api/v1/analytics?${query}&groupBy=queue&granularity=week`, { token: tokens['supervisor@demo'] });
    expect(lines.filter((line) => line.startsWith('period,'))).toHaveLength(json.body.buckets.length);
    expect(lines.filter((line) => line.startsWith('total,'))).toHaveLength(json.body.totals.length);
  });

  it('quotes fields as RFC 4180 says and defuses formulas in names', () => {
    expect(csvField('Billing, EU', true)).toBe('"Billing, EU"');
    expect(csvField('The "VIP" desk', true)).toBe('"The ""VIP"" desk"');
    expect(csvField('two\nlines', true)).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")', true)).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
    expect(csvField(0.75)).toBe('0.75');
  });
});

describe('OpenAPI', () => {
  it('documents both endpoints with their query parameters', async () => {
    const { body } = await callApi<{ paths: Record<string, { get: { parameters: { name: string }[] } }> }>(server.url, '/api/v1/openapi.json');
    for (const path of ['/api/v1/analytics', '/api/v1/analytics.csv']) {
      expect(body.paths[path]!.get.parameters.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['from', 'to', 'timeZone', 'granularity', 'groupBy', 'queueIds', 'agentIds']));
    }
  });
});
