import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AnalyticsQuery } from '../../../../shared/analytics/query.js';
import type { AnalyticsMetrics, AnalyticsReport } from '../../../../shared/analytics/report.js';
import { analyticsPeriods } from '../../../../shared/analytics/periods.js';
import type { User } from '../../../../shared/domain/people.js';
import { agent, deskWith, settle } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { renderFeature } from '../../testing/render.js';
import { AnalyticsButton } from './AnalyticsButton.js';

beforeAll(fakeModalDialogs);
afterEach(() => vi.restoreAllMocks());

const supervisor: User = { ...agent, id: 'u-super', name: 'Sam Supervisor', role: 'supervisor' };

const duration = (median: number | null, p90: number | null = median) => ({
  count: median === null ? 0 : 4,
  businessCount: median === null ? 0 : 4,
  business: { median, p90 },
  calendar: { median: median === null ? null : median * 2, p90: p90 === null ? null : p90 * 2 },
});

/** One cell's figures, worked out so each is easy to find on screen. */
function metrics(over: Partial<AnalyticsMetrics> = {}): AnalyticsMetrics {
  return {
    created: 12,
    solved: 10,
    firstResponse: duration(25, 80),
    nextReply: duration(40, 120),
    resolution: duration(300, 1440),
    firstContactResolution: { solved: 10, resolved: 6, rate: 0.6 },
    sla: { firstResponse: { met: 9, breached: 1, rate: 0.9 }, nextReply: { met: 3, breached: 1, rate: 0.75 }, resolution: { met: 8, breached: 2, rate: 0.8 } },
    backlog: 7,
    reopen: { solved: 10, reopened: 1, rate: 0.1 },
    escalation: [
      { tier: 1, tickets: 10, escalated: 2, rate: 0.2 },
      { tier: 2, tickets: 2, escalated: 1, rate: 0.5 },
    ],
    csat: { answers: 4, average: 4.25, satisfied: 3, satisfiedRate: 0.75 },
    ...over,
  };
}

/** The report the server would give for a query, with two groups when grouped by queue. */
function reportFor(query: AnalyticsQuery, commentsTotal = 1): AnalyticsReport {
  const periods = analyticsPeriods(query);
  const groups = query.groupBy === 'queue' ? [{ key: 'q-tier1', name: 'Tier 1 support' }, { key: 'q-tier2', name: 'Tier 2 engineering' }] : [{ key: 'all', name: null }];
  const figures = (group: string | null, i: number) => metrics(group === 'q-tier2' ? { backlog: 3 + i, firstResponse: duration(55) } : { backlog: 7 + i });
  return {
    query,
    generatedAt: '2025-03-10T02:00:00.000Z',
    periods,
    groups,
    buckets: periods.flatMap((period, i) => groups.map((group) => ({ period: period.key, group: group.key, metrics: figures(group.key, i) }))),
    totals: groups.map((group) => ({ group: group.key, metrics: figures(group.key, 0) })),
    csatComments: [{ ticketId: crypto.randomUUID(), ticketNumber: 1042, score: 2, comment: 'Waited all night', agentId: 'u-agent', agentName: 'Marta Nowak', at: '2025-03-09T21:00:00.000Z', group: groups[0]!.key }],
    csatCommentsTotal: commentsTotal,
  };
}

async function openAnalytics(options: { user?: User; language?: 'en' | 'pl' | 'ru' | 'lv'; connection?: 'online' | 'offline'; commentsTotal?: number } = {}) {
  const desk = deskWith({ user: options.user ?? supervisor, connection: options.connection ?? 'online' });
  desk.api['analytics.query'] = async (query) => reportFor(query, options.commentsTotal);
  desk.api['analytics.export'] = async (query) => ({ filename: `analytics-${query.from}-${query.to}.csv`, contentType: 'text/csv', base64: btoa('period,group\n') });
  const rendered = renderFeature(<AnalyticsButton />, desk, { user: options.user ?? supervisor, ...(options.language ? { language: options.language } : {}) });
  await act(settle);
  return { desk, ...rendered };
}

async function showDialog(name = 'Analytics') {
  fireEvent.click(screen.getByRole('button', { name }));
  await act(settle);
  return screen.getByTestId('analytics-dialog');
}

describe('analytics', () => {
  it('are for supervisors and admins only', async () => {
    await openAnalytics({ user: agent });
    expect(screen.queryByRole('button', { name: 'Analytics' })).toBeNull();
  });

  it('ask for the last 7 days by day in the supervisor’s zone and show every metric, charts with text alternatives and tables, and the comments', async () => {
    const { desk } = await openAnalytics();
    const dialog = await showDialog();
    // testNow is 2025-03-10 04:00 in Riga.
    expect(desk.callsOf('analytics.query')).toEqual([{ from: '2025-03-04', to: '2025-03-10', timeZone: 'Europe/Riga', granularity: 'day', groupBy: 'none' }]);
    await within(dialog).findByTestId('analytics-report');
    expect(within(dialog).getByRole('status').textContent).toMatch(/^2025-03-04 – 2025-03-10 \(7 days\), times in Europe\/Riga\./);

    const totals = within(dialog).getByTestId('analytics-totals');
    const row = (id: string) => [...totals.querySelectorAll(`tr[data-metric="${id}"] > *`)].map((cell) => cell.textContent);
    expect(row('firstResponse.business.median')).toEqual(['First response, median (business)', '25 min']);
    expect(row('firstResponse.calendar.median')).toEqual(['First response, median (calendar)', '50 min']);
    expect(row('resolution.business.p90')).toEqual(['Resolution, 90th percentile (business)', '24 hr']);
    expect(row('fcr')).toEqual(['First-contact resolution', '60%']);
    expect(row('sla.nextReply')).toEqual(['SLA met: next reply', '75%']);
    expect(row('escalation.tier2')).toEqual(['Escalated from tier 2', '50%']);
    expect(row('escalation.tier3')).toEqual(['Escalated from tier 3', '—']);
    expect(row('csat.average')).toEqual(['CSAT average (1–5)', '4.25']);
    expect(totals.querySelectorAll('tbody tr')).toHaveLength(26);

    const charts = within(dialog).getAllByTestId('analytics-chart');
    expect(charts.map((chart) => chart.dataset.metric)).toEqual([
      'firstResponse.business.median',
      'nextReply.business.median',
      'resolution.business.median',
      'resolution.business.p90',
      'sla.firstResponse',
      'fcr',
      'backlog',
      'reopen',
      'csat.satisfied',
    ]);
    const backlog = charts.find((chart) => chart.dataset.metric === 'backlog')!;
    const image = within(backlog).getByRole('img', { name: /Backlog/ });
    expect(image.querySelector('desc')?.textContent).toBe('Backlog (open at period end) per day, Mar 4 to Mar 10. Whole desk: highest 13 (Mar 10), lowest 7 (Mar 4), last 13.');
    fireEvent.click(within(backlog).getByRole('button', { name: /Table: Backlog/ }));
    const table = within(within(backlog).getByRole('region')).getByRole('table');
    expect([...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['Mar 47', 'Mar 58', 'Mar 69', 'Mar 710', 'Mar 811', 'Mar 912', 'Mar 1013']);

    const comments = within(dialog).getByTestId('analytics-comments');
    expect(within(comments).getByRole('heading').textContent).toBe('Satisfaction comments · 1 comment');
    expect(within(comments).getByRole('row', { name: /#1042/ }).textContent).toContain('2 of 5Waited all nightMarta Nowak');
  });

  it('switch grouping, weeks and the clock: a new query, one column and one line per queue', async () => {
    const { desk } = await openAnalytics();
    const dialog = await showDialog();
    await within(dialog).findByTestId('analytics-report');
    fireEvent.change(within(dialog).getByLabelText('Group by'), { target: { value: 'queue' } });
    fireEvent.change(within(dialog).getByLabelText('Per'), { target: { value: 'week' } });
    fireEvent.change(within(dialog).getByLabelText('Durations in'), { target: { value: 'calendar' } });
    await waitFor(() => expect(desk.callsOf('analytics.query').at(-1)).toMatchObject({ groupBy: 'queue', granularity: 'week' }));
    await waitFor(() => expect(within(dialog).getByTestId('analytics-totals').querySelectorAll('thead th')).toHaveLength(3));
    const totals = within(dialog).getByTestId('analytics-totals');
    expect([...totals.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Metric', 'Tier 1 support', 'Tier 2 engineering']);
    const first = within(dialog).getAllByTestId('analytics-chart')[0]!;
    expect(first.dataset.metric).toBe('firstResponse.calendar.median');
    expect(first.querySelectorAll('svg[role="img"] g.analytics-series')).toHaveLength(2);
    expect(within(first).getByRole('list', { name: 'Legend' }).textContent).toBe('Tier 1 supportTier 2 engineering');
    // 4 Mar 2025 was a Tuesday: the first week is cut to Tue–Sun, the second is the week of Monday 10 Mar.
    expect(first.querySelector('desc')?.textContent).toContain('per week, week of Mar 4 to week of Mar 10.');
  });

  it('refuse a custom range that ends before it starts, without asking the server', async () => {
    const { desk } = await openAnalytics();
    const dialog = await showDialog();
    fireEvent.change(within(dialog).getByLabelText('Period'), { target: { value: 'custom' } });
    fireEvent.change(within(dialog).getByLabelText('From'), { target: { value: '2025-03-09' } });
    fireEvent.change(within(dialog).getByLabelText('To'), { target: { value: '2025-03-01' } });
    const asked = desk.callsOf('analytics.query').length;
    expect(within(dialog).getByRole('alert').textContent).toBe('The first day must not be after the last.');
    expect(within(dialog).queryByRole('button', { name: 'Export CSV' })).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('To'), { target: { value: '2025-03-10' } });
    await waitFor(() => expect(desk.callsOf('analytics.query').at(-1)).toMatchObject({ from: '2025-03-09', to: '2025-03-10' }));
    expect(desk.callsOf('analytics.query').length).toBe(asked + 1);
  });

  it('say offline that the figures come from the server, and load them once it is back', async () => {
    const { desk } = await openAnalytics({ connection: 'offline' });
    const dialog = await showDialog();
    expect(within(dialog).getByTestId('analytics-offline').textContent).toContain('Analytics are worked out on the server, and it is not reachable.');
    expect(desk.callsOf('analytics.query')).toEqual([]);
    act(() => desk.setConnection('online'));
    expect(await within(dialog).findByTestId('analytics-report')).toBeTruthy();
  });

  it('export the same query as CSV through the desk', async () => {
    const saved: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:test/1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { desk } = await openAnalytics();
    const dialog = await showDialog();
    fireEvent.change(within(dialog).getByLabelText('Period'), { target: { value: 'last30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toEqual(['analytics-2025-02-09-2025-03-10.csv']));
    expect(desk.callsOf('analytics.export')).toEqual([{ from: '2025-02-09', to: '2025-03-10', timeZone: 'Europe/Riga', granularity: 'day', groupBy: 'none' }]);
  });

  it.each([
    ['pl', 'Analityka', 2, '7 dni', 'Komentarze z ankiet · 2 komentarze'],
    ['pl', 'Analityka', 5, '7 dni', 'Komentarze z ankiet · 5 komentarzy'],
    ['ru', 'Аналитика', 21, '7 дней', 'Комментарии из опросов · 21 комментарий'],
    ['lv', 'Analītika', 10, '7 dienas', 'Aptauju komentāri · 10 komentāru'],
  ] as const)('count in %s plural forms (%s, %i comments)', async (language, button, total, days, heading) => {
    await openAnalytics({ language, commentsTotal: total });
    const dialog = await showDialog(button);
    await within(dialog).findByTestId('analytics-report');
    expect(within(dialog).getByRole('status').textContent).toContain(`(${days})`);
    expect(within(within(dialog).getByTestId('analytics-comments')).getAllByRole('heading')[0]!.textContent).toBe(heading);
  });
});
