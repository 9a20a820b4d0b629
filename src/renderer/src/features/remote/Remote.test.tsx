import { act, fireEvent, screen, within } from '@testing-library/react';
import type { TicketAsset } from '../../../../shared/desk-api/remote-methods.js';
import type { User } from '../../../../shared/domain/people.js';
import { DeskError } from '../../../../shared/desk-api/errors.js';
import type { RemoteSettings, StoredRemoteSettings } from '../../../../shared/remote/settings.js';
import { agent, FakeDesk, settle, testNow } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { renderFeature } from '../../testing/render.js';
import { RemoteSettingsButton } from './RemoteSettingsButton.js';
import { TicketAssets } from './TicketAssets.js';

const ticketId = '0b7d2c2e-8f7a-4a57-9d0e-3b1a9c6f1a01';
const router: TicketAsset = {
  id: '5f0a3a4e-1c1b-4a7e-9f1a-2b3c4d5e6f70',
  owner: { kind: 'organisation', name: 'Baltic Freight', domain: 'baltic-freight.example' },
  name: 'Riga office router',
  kind: 'network_device',
  host: 'gw.riga.baltic-freight.example',
  notes: 'Reboot only after 19:00 Riga time.',
  access: [{ toolId: 'ssh', user: 'netadmin' }],
  updatedAt: new Date(testNow).toISOString(),
  links: [{ ok: true, url: 'ssh://netadmin@gw.riga.baltic-freight.example:22', toolId: 'ssh', toolName: 'SSH', host: 'gw.riga.baltic-freight.example' }],
};
const fileServer: TicketAsset = {
  ...router,
  id: '5f0a3a4e-1c1b-4a7e-9f1a-2b3c4d5e6f71',
  owner: { kind: 'requester', email: 'volkov@tehnopark-volga.example' },
  name: 'File server',
  kind: 'server',
  host: 'fs01.tehnopark-volga.example',
  notes: '',
  links: [{ ok: false, toolId: 'ssh', toolName: 'SSH', host: 'fs01.tehnopark-volga.example', problem: 'host_not_allowed', detail: 'fs01.tehnopark-volga.example' }],
};

beforeAll(fakeModalDialogs);

describe('the requester’s assets on a ticket', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists each asset with its way in, says why a refused one will not open, and opens the other through the core', async () => {
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    const desk = new FakeDesk({
      'remote.assets': async () => [router, fileServer],
      'remote.open': async () => ({ status: 'openHere', url: 'ssh://netadmin@gw.riga.baltic-freight.example:22' }),
    });
    renderFeature(<TicketAssets ticket={{ id: ticketId }} />, desk, { user: agent });
    await act(settle);

    const section = screen.getByRole('region', { name: /Assets/ });
    expect(within(section).getByRole('heading').textContent).toBe('Assets · 2 assets');
    const items = within(section).getAllByTestId('ticket-asset');
    expect(items[0]!.textContent).toContain('Riga office router');
    expect(items[0]!.textContent).toContain('Network device · Baltic Freight’s');
    expect(items[0]!.textContent).toContain('Reboot only after 19:00 Riga time.');
    expect(items[1]!.textContent).toContain('SSH: blocked — the host fs01.tehnopark-volga.example is not on the allowlist');
    expect(within(items[1]!).queryByRole('button')).toBeNull();

    const open = screen.getByRole('button', { name: 'Open Riga office router via SSH' });
    open.focus();
    fireEvent.click(open);
    await act(settle);
    expect(desk.calls.filter((call) => call.method === 'remote.open').map((call) => call.input)).toEqual([{ ticketId, assetId: router.id, access: 0 }]);
    expect(opened).toHaveBeenCalledWith('ssh://netadmin@gw.riga.baltic-freight.example:22', '_blank', 'noopener,noreferrer');
    expect(screen.getByTestId('remote-outcome').textContent).toBe('SSH session to Riga office router opened in the browser; it is noted on the ticket.');
  });

  it('a link the core refuses (the allowlist changed meanwhile) is not opened, and says why in the agent’s language', async () => {
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    const desk = new FakeDesk({
      'remote.assets': async () => [router],
      'remote.open': async () => ({ status: 'blocked', problem: 'scheme_not_allowed', detail: 'ssh:' }),
    });
    renderFeature(<TicketAssets ticket={{ id: ticketId }} />, desk, { user: agent, language: 'pl' });
    await act(settle);
    fireEvent.click(screen.getByRole('button', { name: 'Otwórz Riga office router przez SSH' }));
    await act(settle);
    expect(opened).not.toHaveBeenCalled();
    expect(screen.getByTestId('remote-outcome').textContent).toBe('Nie otwarto: lista dozwolonych nie obejmuje linków ssh:');
  });

  it('reads the assets again when they or the settings change, and shows nothing for a requester without any', async () => {
    let assets: TicketAsset[] = [];
    const desk = new FakeDesk({ 'remote.assets': async () => assets });
    renderFeature(<TicketAssets ticket={{ id: ticketId }} />, desk, { user: agent, language: 'lv' });
    await act(settle);
    expect(screen.queryByTestId('ticket-assets')).toBeNull();
    assets = [router];
    act(() => desk.emit('remote.changed', {}));
    await act(settle);
    expect(screen.getByRole('heading').textContent).toBe('Resursi · 1 resurss');
  });

  it('says when the assets cannot be read', async () => {
    const desk = new FakeDesk({ 'remote.assets': async () => Promise.reject(new DeskError('not_found', 'ticketId: no ticket in your queues')) });
    renderFeature(<TicketAssets ticket={{ id: ticketId }} />, desk, { user: agent });
    await act(settle);
    expect(screen.getByRole('alert').textContent).toBe('Could not read the requester’s assets: ticketId: no ticket in your queues');
  });
});

describe('the admins’ remote tools and allowlist', () => {
  const admin: User = { ...agent, id: 'user-alex', name: 'Alex Morgan', role: 'admin', queueIds: [] };
  const document: RemoteSettings = {
    tools: [{ id: 'ssh', name: 'SSH', urlPattern: 'ssh://{user}@{host}:{port}', defaultPort: 22 }],
    allowlist: { schemes: ['ssh'], hosts: ['*.baltic-freight.example'] },
  };
  const stored: StoredRemoteSettings = { version: 3, document, updatedAt: new Date(testNow).toISOString(), updatedBy: 'user-alex' };

  it('is for admins only', () => {
    renderFeature(<RemoteSettingsButton />, new FakeDesk(), { user: agent });
    expect(screen.queryByRole('button', { name: 'Remote access' })).toBeNull();
  });

  it('edits a tool and the allowlist from the keyboard, refuses a pattern with a password before saving, and saves both as one version', async () => {
    const saved: unknown[] = [];
    let current = stored;
    const desk = new FakeDesk({
      'admin.remote.settings': async () => current,
      'admin.remote.saveSettings': async (input) => {
        saved.push(input);
        current = { ...stored, version: 4, document: input.settings };
        return current;
      },
    });
    renderFeature(<RemoteSettingsButton />, desk, { user: admin });
    fireEvent.click(screen.getByRole('button', { name: 'Remote access' }));
    await act(settle);
    const dialog = screen.getByRole('dialog', { name: 'Remote access' });
    expect(within(dialog).getByRole('tab', { name: 'Tools', selected: true })).toBeTruthy();

    const pattern = within(dialog).getByRole('textbox', { name: 'URL pattern' }) as HTMLInputElement;
    fireEvent.change(pattern, { target: { value: 'ssh://root:secret@{host}:{port}' } });
    expect(within(dialog).getByText('No login or password in the pattern: only {user}@ may stand before the host.')).toBeTruthy();
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    const save = within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(pattern, { target: { value: 'ssh://{user}@{host}:{port}' } });
    expect(save.disabled).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add tool' }));
    const added = within(dialog).getAllByRole('textbox', { name: 'Name' })[1] as HTMLInputElement;
    expect(added.ownerDocument.activeElement).toBe(added);
    expect(added.value).toBe('New tool');
    // A new tool starts as a bare https:// pattern, which says what it lacks until the admin finishes it.
    expect(save.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove tool New tool' }));
    expect(save.disabled).toBe(false);

    const tabs = within(dialog).getByRole('tab', { name: 'Tools' });
    fireEvent.keyDown(tabs, { key: 'ArrowRight' });
    const hosts = within(dialog).getByRole('textbox', { name: 'Allowed hosts, one per line' });
    fireEvent.change(hosts, { target: { value: '*.baltic-freight.example\n10.0.0.0/8\n*' } });
    expect(within(dialog).getByText('Line 3: “*” is not a host pattern.')).toBeTruthy();
    fireEvent.change(hosts, { target: { value: '*.baltic-freight.example\n10.0.0.0/8' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Try a host' }), { target: { value: '10.20.0.15' } });
    expect(within(dialog).getByText('10.20.0.15 is allowed.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await act(settle);
    expect(saved).toEqual([{ baseVersion: 3, settings: { ...document, allowlist: { schemes: ['ssh'], hosts: ['*.baltic-freight.example', '10.0.0.0/8'] } } }]);
    expect(within(dialog).getByText('Saved as version 4. Every console checks links with it from now on.')).toBeTruthy();
  });

  it('a save beaten by another admin keeps the edits and offers a reload', async () => {
    const desk = new FakeDesk({
      'admin.remote.settings': async () => stored,
      'admin.remote.saveSettings': async () => Promise.reject(new DeskError('invalid_input', 'body.baseVersion: the remote settings are at version 4 now')),
    });
    renderFeature(<RemoteSettingsButton />, desk, { user: admin, language: 'ru' });
    fireEvent.click(screen.getByRole('button', { name: 'Удалённый доступ' }));
    await act(settle);
    const dialog = screen.getByRole('dialog', { name: 'Удалённый доступ' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Название' }), { target: { value: 'OpenSSH' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await act(settle);
    expect(within(dialog).getByRole('alert').textContent).toContain('Тем временем кто-то сохранил другие настройки.');
    expect((within(dialog).getByRole('textbox', { name: 'Название' }) as HTMLInputElement).value).toBe('OpenSSH');
    expect(within(dialog).getByRole('button', { name: 'Обновить' })).toBeTruthy();
  });
});
