import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IntegrationInfo } from '../../../../shared/admin/integrations.js';
import { DeskError } from '../../../../shared/desk-api/errors.js';
import type { User } from '../../../../shared/domain/people.js';
import type { Template } from '../../../../shared/notifications/templates.js';
import { agent, deskWith, settle, testNow } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { renderFeature } from '../../testing/render.js';
import { ChannelSettingsButton } from './ChannelSettingsButton.js';

const admin: User = { ...agent, id: 'user-alex', name: 'Alex Morgan', role: 'admin', queueIds: [] };
const at = new Date(testNow).toISOString();

beforeAll(fakeModalDialogs);

function template(overrides: Partial<Template> = {}): Template {
  return { kind: 'ack.open', locale: 'en', subject: '[#{{ticket.number}}] We have your request', body: 'Hello {{requester.name}}', customised: false, placeholders: ['ticket.number', 'requester.name', 'answer.by'], updatedAt: null, ...overrides };
}

/** A desk whose server side (the admin REST the core proxies) keeps integrations in memory. */
async function openSettings(options: { user?: User; integrations?: IntegrationInfo[] } = {}) {
  const desk = deskWith({ user: options.user ?? admin });
  let integrations = options.integrations ?? [];
  desk.api['admin.integrations.list'] = async () => integrations;
  desk.api['admin.integrations.create'] = async ({ name, signed }) => {
    const created = { id: crypto.randomUUID(), name: name.trim(), signed, createdAt: at, revokedAt: null };
    integrations = [...integrations, created];
    return { ...created, token: 'sdi_secret-token', signingSecret: signed ? 'sdw_signing-secret' : null };
  };
  desk.api['admin.integrations.revoke'] = async ({ id }) => {
    integrations = integrations.map((i) => (i.id === id ? { ...i, revokedAt: at } : i));
    return integrations.find((i) => i.id === id)!;
  };
  desk.api['admin.templates.list'] = async () => [template(), template({ locale: 'pl', subject: 'Otrzymaliśmy zgłoszenie' })];
  const rendered = renderFeature(<ChannelSettingsButton />, desk, { user: options.user ?? admin });
  await act(settle);
  return { desk, ...rendered };
}

async function showDialog() {
  const button = screen.getByTestId('channel-settings-button');
  button.focus();
  fireEvent.click(button);
  await act(settle);
  return { button, dialog: screen.getByTestId('channel-settings') };
}

describe('channel settings', () => {
  it('are offered to admins only', async () => {
    await openSettings({ user: agent });
    expect(screen.queryByRole('button', { name: 'Channels' })).toBeNull();
  });

  it('open on the first tab; arrows move between sections, Escape closes and the focus goes back', async () => {
    await openSettings();
    const { button, dialog } = await showDialog();
    const tabs = within(dialog).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Integrations', 'Templates', 'Survey', 'Quarantine', 'Outbound', 'Mailboxes']);
    expect(document.activeElement).toBe(tabs[0]);

    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    await act(settle);
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).getByRole('tabpanel', { name: 'Templates' })).toBeTruthy();
    fireEvent.keyDown(tabs[1]!, { key: 'ArrowLeft' });
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowLeft' });
    await act(settle);
    expect(document.activeElement).toBe(tabs.at(-1));

    // The browser turns Escape in a modal dialog into its close.
    act(() => (dialog as HTMLDialogElement).close());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('shows a new integration’s token and secret once, with a warning and a copy button, then lists it without them', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await openSettings();
    const { dialog } = await showDialog();
    expect(within(dialog).getByText('No integrations yet.')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Shop form' } });
    expect((within(dialog).getByLabelText('Signed (for webhooks)') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create integration' }));
    const created = await within(dialog).findByTestId('created-integration');

    expect(document.activeElement).toBe(within(created).getByRole('heading', { name: 'Integration “Shop form” created' }));
    expect(within(created).getByRole('alert').textContent).toMatch(/^Copy these now: they are shown only this once/);
    expect((within(created).getByLabelText('Token') as HTMLInputElement).value).toBe('sdi_secret-token');
    expect((within(created).getByLabelText('Signing secret') as HTMLInputElement).value).toBe('sdw_signing-secret');
    fireEvent.click(within(created).getByRole('button', { name: 'Copy: Token' }));
    await waitFor(() => expect(within(created).getByText('Copied.')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith('sdi_secret-token');

    fireEvent.click(within(created).getByRole('button', { name: 'Done, I have copied them' }));
    expect(within(dialog).queryByTestId('created-integration')).toBeNull();
    expect(dialog.textContent).not.toContain('sdi_secret-token');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Name'));
    const row = await within(dialog).findByTestId('integration-row');
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Shop form', 'Signed webhook', expect.any(String), 'Active', 'Revoke']);
    expect(within(dialog).getByRole('heading', { name: 'Integrations · 1 active' })).toBeTruthy();
  });

  it('revokes only once asked and answered; Escape takes back the question, not the dialog', async () => {
    await openSettings({ integrations: [{ id: crypto.randomUUID(), name: 'Grafana', signed: false, createdAt: at, revokedAt: null }] });
    const { dialog } = await showDialog();
    const revoke = await within(dialog).findByRole('button', { name: 'Revoke: Grafana' });

    fireEvent.click(revoke);
    const question = within(dialog).getByRole('group', { name: 'Revoke “Grafana”? Its token stops working at once.' });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Yes, revoke' }));
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    act(() => void document.activeElement!.dispatchEvent(escape));
    expect(escape.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Revoke: Grafana' }));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke: Grafana' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, revoke' }));
    await waitFor(() => expect(within(dialog).getByTestId('integration-row').textContent).toContain('Revoked'));
    expect(within(dialog).queryByRole('button', { name: 'Revoke: Grafana' })).toBeNull();
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: /^Integrations/ }));
  });

  it('saves a template as written and shows the server’s refusal under the form', async () => {
    const { desk } = await openSettings();
    desk.api['admin.templates.save'] = async ({ subject }) => {
      if (subject.includes('{{ticket.numbr}}')) throw new DeskError('invalid_input', 'body: unknown placeholder {{ticket.numbr}}; ack.open offers {{ticket.number}}');
      return template({ subject, customised: true, updatedAt: at });
    };
    const { dialog } = await showDialog();
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Templates' }));
    const editor = await within(dialog).findByTestId('template-editor');
    expect(within(editor).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['{{ticket.number}}', '{{requester.name}}', '{{answer.by}}']);
    const save = within(editor).getByRole('button', { name: 'Save template' });
    expect(save.hasAttribute('disabled')).toBe(true);

    fireEvent.change(within(editor).getByLabelText('Subject'), { target: { value: 'Request {{ticket.numbr}}' } });
    fireEvent.click(save);
    expect((await within(editor).findByRole('alert')).textContent).toBe('Could not complete this: body: unknown placeholder {{ticket.numbr}}; ack.open offers {{ticket.number}}');

    fireEvent.change(within(editor).getByLabelText('Subject'), { target: { value: 'Request {{ticket.number}}' } });
    fireEvent.click(save);
    await waitFor(() => expect(within(editor).getByRole('status').textContent).toBe('Template saved.'));
    expect(within(editor).queryByRole('alert')).toBeNull();
    expect(desk.callsOf('admin.templates.save').at(-1)).toEqual({ kind: 'ack.open', locale: 'en', subject: 'Request {{ticket.number}}', body: 'Hello {{requester.name}}' });

    fireEvent.change(within(dialog).getByLabelText('Customer language'), { target: { value: 'pl' } });
    expect((within(dialog).getByLabelText('Subject') as HTMLInputElement).value).toBe('Otrzymaliśmy zgłoszenie');
  });

  it('offline, says the settings live on the server, and loads them as soon as the desk is back online', async () => {
    const { desk } = await openSettings();
    let online = false;
    desk.api['admin.integrations.list'] = async () => {
      if (!online) throw new DeskError('unavailable', 'The server at https://desk.example.test cannot be reached');
      return [{ id: crypto.randomUUID(), name: 'Alertmanager', signed: false, createdAt: at, revokedAt: null }];
    };
    const { dialog } = await showDialog();
    expect(within(dialog).getByRole('alert').textContent).toBe('Channel settings live on the server, and it is not reachable. They load again once the connection is back.');

    online = true;
    act(() => desk.setConnection('offline'));
    act(() => desk.setConnection('online'));
    expect(await within(dialog).findByText('Alertmanager')).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('let an admin choose the survey scale, saved on the server, and say so', async () => {
    const { desk } = await openSettings();
    let scale: 'five' | 'good_bad' = 'five';
    desk.api['admin.csat.get'] = async () => ({ scale });
    desk.api['admin.csat.save'] = async (settings) => {
      scale = settings.scale;
      return { scale };
    };
    const { dialog } = await showDialog();
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Survey' }));
    const group = await within(dialog).findByRole('group', { name: 'Satisfaction survey scale' });
    const save = within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect((within(group).getByRole('radio', { name: /^1 to 5/ }) as HTMLInputElement).checked).toBe(true);
    expect(save.disabled).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: 'Good or bad' }));
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    expect(await within(dialog).findByText('Survey scale saved.')).toBeTruthy();
    expect(desk.callsOf('admin.csat.save')).toEqual([{ scale: 'good_bad' }]);
    expect(scale).toBe('good_bad');
  });

  it('counts in each language’s plural forms', async () => {
    const { desk, i18n } = await openSettings();
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: crypto.randomUUID(), source: 'smtp', reason: `no From header ${i}`, contentType: 'message/rfc822', size: 120, receivedAt: at, resolvedAt: null, resolvedBy: null }));
    let count = 1;
    desk.api['admin.quarantine.list'] = async () => items(count);
    await act(() => i18n.changeLanguage('pl'));
    const { dialog } = await showDialog();
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Kwarantanna' }));
    const heading = () => within(dialog).getByRole('heading', { name: /^Kwarantanna/ }).textContent;
    await waitFor(() => expect(heading()).toBe('Kwarantanna · 1 pozycja'));
    for (const [n, text] of [[2, 'Kwarantanna · 2 pozycje'], [5, 'Kwarantanna · 5 pozycji']] as const) {
      count = n;
      fireEvent.change(within(dialog).getByLabelText('Pokaż'), { target: { value: n === 2 ? 'all' : 'resolved' } });
      await waitFor(() => expect(heading()).toBe(text));
    }
  });
});
