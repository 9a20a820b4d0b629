import { act, fireEvent, screen, within } from '@testing-library/react';
import type { User } from '../../../../shared/domain/people.js';
import type { AgentSettings, QueueSettings, ReplaceRoutingRulesBody, RoutingRulesReply } from '../../../../shared/routing/api.js';
import type { RoutingDecision } from '../../../../shared/routing/decision.js';
import { DeskError } from '../../../../shared/desk-api/errors.js';
import { agent, deskWith, makeTicket, settle, testNow } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { renderFeature } from '../../testing/render.js';
import { RoutingSettingsButton } from './RoutingSettingsButton.js';
import { RoutingWhy } from './RoutingWhy.js';
import { StatusControl } from './StatusControl.js';

const admin: User = { ...agent, id: 'user-alex', name: 'Alex Morgan', role: 'admin', queueIds: [] };
const at = new Date(testNow).toISOString();

beforeAll(fakeModalDialogs);

describe('the agent’s own status', () => {
  it('shows the status, changes it from the keyboard, and says a choice made here is still to be sent until the server confirms it', async () => {
    const desk = deskWith({ myStatus: { status: 'online', pending: false } });
    renderFeature(<StatusControl />, desk, { user: agent });
    await act(settle);
    const select = screen.getByRole('combobox', { name: 'My status' }) as HTMLSelectElement;
    expect(select.value).toBe('online');
    expect([...select.options].map((option) => option.textContent)).toEqual(['Online', 'Away', 'Offline']);

    select.focus();
    fireEvent.change(select, { target: { value: 'away' } });
    await act(settle);
    expect(desk.callsOf('presence.set')).toEqual([{ status: 'away' }]);
    expect(select.value).toBe('away');
    expect(screen.getByTestId('my-status').getAttribute('data-status')).toBe('away');
    expect(screen.getByText('waiting to send')).toBeTruthy();
    expect(select.getAttribute('aria-describedby')).toBeTruthy();

    act(() => desk.confirmStatus());
    await act(settle);
    expect(screen.queryByText('waiting to send')).toBeNull();
  });

  it('follows a status set elsewhere (a supervisor), and reads in the agent’s language', async () => {
    const desk = deskWith({});
    renderFeature(<StatusControl />, desk, { user: agent, language: 'pl' });
    await act(settle);
    act(() => desk.confirmStatus('offline'));
    await act(settle);
    const select = screen.getByRole('combobox', { name: 'Mój status' }) as HTMLSelectElement;
    expect(select.value).toBe('offline');
    expect(select.selectedOptions[0]!.textContent).toBe('Niedostępny');
  });

  it('says why a choice failed', async () => {
    const desk = deskWith({});
    desk.api['presence.set'] = async () => Promise.reject(new DeskError('unauthorized', 'Sign in first'));
    renderFeature(<StatusControl />, desk, { user: agent });
    await act(settle);
    fireEvent.change(screen.getByRole('combobox', { name: 'My status' }), { target: { value: 'offline' } });
    await act(settle);
    expect(screen.getByRole('alert').textContent).toBe('Could not change your status: Sign in first');
  });
});

const ticket = makeTicket({ id: 'a3b0c2f1-0000-4000-8000-000000000001', number: 1042, subject: 'Где мой счёт?', queueId: 'billing', assigneeId: 'u-olga' });

function decision(overrides: Partial<RoutingDecision> = {}): RoutingDecision {
  return {
    at,
    cause: 'ticket.new',
    actorName: null,
    channel: 'email',
    queueChoice: 'rule',
    rule: { id: 'billing-ru', name: 'Billing in Russian', version: 3 },
    reasons: [
      { field: 'keywords', value: 'счёт', oneOf: ['счёт', 'оплат'] },
      { field: 'priority', value: 'high', oneOf: ['critical', 'high'] },
    ],
    steps: [
      {
        queueId: 'billing',
        queueName: 'Billing',
        open: true,
        requiredSkills: ['billing', 'russian'],
        candidates: [
          { agentId: 'u-marta', name: 'Marta Nowak', status: 'online', onShift: true, load: 1, capacity: 6, missingSkills: ['russian'], verdict: 'missing_skills' },
          { agentId: 'u-olga', name: 'Olga Smirnova', status: 'online', onShift: true, load: 4, capacity: 6, missingSkills: [], verdict: 'chosen' },
          { agentId: 'u-jan', name: 'Jānis Bērziņš', status: 'offline', onShift: false, load: 0, capacity: 6, missingSkills: [], verdict: 'offline' },
        ],
      },
    ],
    outcome: 'assigned',
    queueId: 'billing',
    assigneeId: 'u-olga',
    assigneeName: 'Olga Smirnova',
    ...overrides,
  };
}

describe('Why here?', () => {
  it('asks the server once opened, and shows the rule, why it matched, the skills, every candidate’s load then, and the outcome', async () => {
    const earlier = decision({ at: new Date(testNow - 3_600_000).toISOString(), cause: 'escalated to tier 2: VPN down', actorName: 'Marta Nowak', outcome: 'waiting', assigneeId: null, assigneeName: null, queueChoice: 'current', rule: null, reasons: [] });
    const desk = deskWith({ tickets: [ticket], routing: { [ticket.id]: [decision(), earlier] } });
    renderFeature(<RoutingWhy ticket={ticket} />, desk, { user: agent });
    await act(settle);
    expect(desk.callsOf('tickets.routing')).toEqual([]);

    const button = screen.getByRole('button', { name: /Why here\?/ });
    fireEvent.click(button);
    await act(settle);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const region = screen.getByRole('region', { name: 'How routing placed this ticket' });
    expect(region.textContent).toContain('Rule “Billing in Russian” (version 3) chose Billing.');
    expect(within(region).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'the subject or message has “счёт” (счёт, оплат)',
      'Priority High is one of Critical, High',
    ]);
    expect(region.textContent).toContain('Skills asked: billing, russian');
    const latest = within(region).getAllByRole('table')[0]!;
    const rows = within(latest).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['Marta Nowak', 'Online', 'On shift', '1 of 6', 'Lacks russian'],
      ['Olga Smirnova', 'Online', 'On shift', '4 of 6', 'Got the ticket'],
      ['Jānis Bērziņš', 'Offline', 'Off shift', '0 of 6', 'Offline'],
    ]);
    expect(within(latest).getByRole('columnheader', { name: 'Load on Email' })).toBeTruthy();
    expect(region.textContent).toContain('Assigned to Olga Smirnova.');
    // The earlier decision, with a cause from elsewhere shown as written and who asked.
    expect(region.textContent).toContain('1 earlier decision');
    expect(region.textContent).toContain('escalated to tier 2: VPN down');
    expect(region.textContent).toContain('asked by Marta Nowak');
    expect(region.textContent).toContain('Nobody could take it: it waits unassigned in Billing.');
  });

  it('says a closed queue and an overflow in words', async () => {
    const overflowed = decision({
      outcome: 'overflowed',
      queueId: 'general',
      assigneeName: 'Jānis Bērziņš',
      steps: [
        { queueId: 'billing', queueName: 'Billing', open: false, requiredSkills: ['billing'], candidates: [] },
        { queueId: 'general', queueName: 'General', open: true, requiredSkills: [], candidates: [{ agentId: 'u-jan', name: 'Jānis Bērziņš', status: 'online', onShift: true, load: 0, capacity: 2, missingSkills: [], verdict: 'chosen' }] },
      ],
    });
    const desk = deskWith({ tickets: [ticket], routing: { [ticket.id]: [overflowed] } });
    renderFeature(<RoutingWhy ticket={ticket} />, desk, { user: agent });
    fireEvent.click(screen.getByRole('button', { name: /Why here\?/ }));
    await act(settle);
    const region = screen.getByRole('region', { name: 'How routing placed this ticket' });
    expect(region.textContent).toContain('Closed by its calendar: nobody could take tickets there.');
    expect(region.textContent).toContain('No skills asked');
    expect(region.textContent).toContain('Overflowed to General and assigned to Jānis Bērziņš.');
  });

  it('offline, says only the server knows, and asks again once the desk is back online', async () => {
    const desk = deskWith({ tickets: [ticket], routing: { [ticket.id]: [decision()] }, connection: 'offline' });
    renderFeature(<RoutingWhy ticket={ticket} />, desk, { user: agent });
    fireEvent.click(screen.getByRole('button', { name: /Why here\?/ }));
    await act(settle);
    expect(screen.getByRole('status').textContent).toMatch(/Only the server knows/);
    act(() => desk.setConnection('online'));
    await act(settle);
    expect(screen.getByRole('region', { name: 'How routing placed this ticket' }).textContent).toContain('Assigned to Olga Smirnova.');
  });

  it('says when no decision was recorded', async () => {
    const desk = deskWith({ tickets: [ticket] });
    renderFeature(<RoutingWhy ticket={ticket} />, desk, { user: agent, language: 'ru' });
    fireEvent.click(screen.getByRole('button', { name: /Почему здесь\?/ }));
    await act(settle);
    expect(screen.getByRole('region', { name: 'Как маршрутизация распределила это обращение' }).textContent).toMatch(/решение маршрутизации не записано/);
  });
});

const queues: QueueSettings[] = [
  { id: 'general', name: 'General', tier: 1, skills: [], calendar: null, overflowQueueId: null },
  { id: 'billing', name: 'Billing', tier: 1, skills: ['billing'], calendar: null, overflowQueueId: 'general' },
  { id: 'network', name: 'Network', tier: 2, skills: ['network'], calendar: null, overflowQueueId: null },
];

const storedRules: RoutingRulesReply = {
  version: 4,
  reason: 'Russian billing to Olga',
  createdAt: at,
  createdBy: 'user-alex',
  document: {
    defaultQueueId: 'general',
    rules: [
      { id: 'billing', name: 'Billing', match: { keywords: ['invoice', 'faktur'] }, queueId: 'billing', skills: [] },
      { id: 'vpn', name: 'Network outages', match: { type: ['incident'], keywords: ['vpn'] }, queueId: 'network', skills: ['network'] },
    ],
  },
};

const marta: AgentSettings = {
  id: 'u-marta',
  name: 'Marta Nowak',
  email: 'agent@demo',
  role: 'agent',
  tier: 1,
  timeZone: 'Europe/Warsaw',
  queueIds: ['billing', 'general'],
  status: 'online',
  effectiveStatus: 'offline',
  statusSince: at,
  skills: ['billing', 'polish'],
  capacity: { email: 6, web: 6, chat: 2, phone: 3, social: 4, monitoring: 6 },
};

/** An admin's desk whose server keeps routing's settings in memory. */
async function openRouting(options: { user?: User; rules?: RoutingRulesReply } = {}) {
  const desk = deskWith({ user: options.user ?? admin });
  let rules = options.rules ?? storedRules;
  const saves: ReplaceRoutingRulesBody[] = [];
  desk.api['admin.routing.rules'] = async () => rules;
  desk.api['admin.routing.queues'] = async () => queues;
  desk.api['admin.routing.agents'] = async () => [marta];
  desk.api['admin.routing.saveRules'] = async (body) => {
    saves.push(body);
    if (body.baseVersion !== rules.version) throw new DeskError('invalid_input', `body.baseVersion: the rules were changed meanwhile (now version ${rules.version}, edited from ${body.baseVersion})`);
    rules = { version: rules.version + 1, reason: body.reason, createdAt: at, createdBy: 'user-alex', document: body.document };
    return { version: rules.version };
  };
  desk.api['admin.routing.saveQueue'] = async ({ id }) => queues.find((queue) => queue.id === id)!;
  desk.api['admin.routing.saveAgent'] = async ({ settings }) => ({ ...marta, ...settings }) as AgentSettings;
  const rendered = renderFeature(<RoutingSettingsButton />, desk, { user: options.user ?? admin });
  await act(settle);
  return { desk, saves, ...rendered, replaceStored: (next: RoutingRulesReply) => (rules = next) };
}

async function showDialog() {
  fireEvent.click(screen.getByTestId('routing-settings-button'));
  await act(settle);
  return screen.getByTestId('routing-settings');
}

describe('routing settings', () => {
  it('are offered to admins only', async () => {
    await openRouting({ user: agent });
    expect(screen.queryByTestId('routing-settings-button')).toBeNull();
  });

  it('edit the rules in order: add one, move it to the top, and save it as a new version with a reason', async () => {
    const { desk, saves } = await openRouting();
    const dialog = await showDialog();
    expect(within(dialog).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Rules', 'Queues', 'Agents']);
    expect(within(dialog).getByTestId('routing-rules-version').textContent).toContain('Version 4');
    expect(within(dialog).getAllByRole('article').map((card) => card.getAttribute('data-rule'))).toEqual(['billing', 'vpn']);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a rule' }));
    const cards = within(dialog).getAllByRole('article');
    const added = cards[2]!;
    fireEvent.change(within(added).getByRole('textbox', { name: 'Name' }), { target: { value: 'Nordbank' } });
    fireEvent.change(within(added).getByRole('textbox', { name: 'Organisations (e-mail domains)' }), { target: { value: 'nordbank.lv, @Riga.Example ' } });
    fireEvent.click(within(added).getByRole('checkbox', { name: 'Critical' }));
    fireEvent.change(within(added).getByRole('combobox', { name: 'Queue' }), { target: { value: 'network' } });
    fireEvent.change(within(added).getByRole('textbox', { name: 'Skills the agent needs' }), { target: { value: 'Network, latvian,' } });
    const up = within(added).getByRole('button', { name: 'Move rule Nordbank up' });
    up.focus();
    fireEvent.click(up);
    fireEvent.click(up);
    expect(within(dialog).getAllByRole('article').map((card) => card.getAttribute('data-rule'))).toEqual(['rule-3', 'billing', 'vpn']);
    // The button that moved it keeps the focus, and at the top it does nothing more.
    expect(document.activeElement).toBe(up);
    expect(up.getAttribute('aria-disabled')).toBe('true');
    expect(within(dialog).getByText('Changes not saved yet.')).toBeTruthy();

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'What changes, and why (kept with the version)' }), { target: { value: 'Nordbank to network' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the rules' }));
    await act(settle);
    expect(saves).toEqual([
      {
        baseVersion: 4,
        reason: 'Nordbank to network',
        document: {
          defaultQueueId: 'general',
          rules: [
            { id: 'rule-3', name: 'Nordbank', match: { priority: ['critical'], organisation: ['nordbank.lv', 'riga.example'] }, queueId: 'network', skills: ['network', 'latvian'] },
            { id: 'billing', name: 'Billing', match: { keywords: ['invoice', 'faktur'] }, queueId: 'billing', skills: [] },
            { id: 'vpn', name: 'Network outages', match: { type: ['incident'], keywords: ['vpn'] }, queueId: 'network', skills: ['network'] },
          ],
        },
      },
    ]);
    expect(within(dialog).getByRole('status').textContent).toBe('Saved as version 5.');
    expect(within(dialog).getByTestId('routing-rules-version').textContent).toContain('Version 5');
    expect(desk.callsOf('admin.routing.rules')).toHaveLength(2);
  });

  it('keep the admin’s edits when someone saved other rules meanwhile, and reload theirs on request', async () => {
    const { replaceStored } = await openRouting();
    const dialog = await showDialog();
    const first = within(dialog).getAllByRole('article')[0]!;
    fireEvent.click(within(first).getByRole('button', { name: 'Remove rule Billing' }));
    expect(within(dialog).getAllByRole('article')).toHaveLength(1);
    replaceStored({ ...storedRules, version: 5, reason: 'someone else' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /What changes/ }), { target: { value: 'no more billing rule' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the rules' }));
    await act(settle);
    expect(within(dialog).getByRole('alert').textContent).toContain('Someone saved other rules meanwhile. Your edits are still here');
    expect(within(dialog).getAllByRole('article')).toHaveLength(1);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Reload the rules' }));
    await act(settle);
    expect(within(dialog).getAllByRole('article')).toHaveLength(2);
    expect(within(dialog).getByTestId('routing-rules-version').textContent).toContain('Version 5');
  });

  it('save a queue’s hours in its time zone and its overflow queue', async () => {
    const { desk } = await openRouting();
    const dialog = await showDialog();
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Queues' }));
    await act(settle);
    const billing = within(dialog).getByRole('form', { name: /Billing/ });
    fireEvent.click(within(billing).getByRole('checkbox', { name: 'Always open' }));
    fireEvent.change(within(billing).getByRole('textbox', { name: 'Time zone' }), { target: { value: 'Europe/Warsaw' } });
    fireEvent.change(within(billing).getByRole('textbox', { name: 'Hours on Monday' }), { target: { value: '08:00-12:00, 13:00 – 18:00' } });
    fireEvent.change(within(billing).getByRole('textbox', { name: 'Holidays' }), { target: { value: '2026-12-24, 2026-12-25' } });
    fireEvent.change(within(billing).getByRole('combobox', { name: 'Overflow queue' }), { target: { value: '' } });
    fireEvent.click(within(billing).getByRole('button', { name: 'Save Billing' }));
    await act(settle);
    expect(desk.callsOf('admin.routing.saveQueue')).toEqual([
      {
        id: 'billing',
        settings: {
          skills: ['billing'],
          overflowQueueId: null,
          calendar: {
            timeZone: 'Europe/Warsaw',
            hours: {
              sun: [],
              mon: [
                ['08:00', '12:00'],
                ['13:00', '18:00'],
              ],
              tue: [],
              wed: [],
              thu: [],
              fri: [],
              sat: [],
            },
            holidays: ['2026-12-24', '2026-12-25'],
          },
        },
      },
    ]);
    expect(within(billing).getByRole('status').textContent).toBe('Saved.');
  });

  it('save an agent’s skills and capacity per channel with Enter, showing their presence as routing sees it', async () => {
    const { desk } = await openRouting();
    const dialog = await showDialog();
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Agents' }));
    await act(settle);
    const row = within(dialog).getByRole('row', { name: /Marta Nowak/ });
    expect(row.textContent).toContain('Offline');
    expect(row.textContent).toContain('chose Online');
    const chat = within(row).getByRole('spinbutton', { name: 'Chat: tickets Marta Nowak works at once' });
    fireEvent.change(chat, { target: { value: '1' } });
    fireEvent.change(within(row).getByRole('textbox', { name: 'Skills of Marta Nowak' }), { target: { value: 'billing, polish, english' } });
    fireEvent.submit((chat as HTMLInputElement).form!);
    await act(settle);
    expect(desk.callsOf('admin.routing.saveAgent')).toEqual([{ id: 'u-marta', settings: { skills: ['billing', 'polish', 'english'], capacity: { ...marta.capacity, chat: 1 } } }]);
    expect(within(row).getByRole('status').textContent).toBe('Saved.');
  });
});
