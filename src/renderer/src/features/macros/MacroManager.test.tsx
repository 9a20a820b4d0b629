import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalMacro } from '../../../../shared/desk-api/knowledge-methods.js';
import type { User } from '../../../../shared/domain/people.js';
import { agent, FakeDesk } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { renderFeature } from '../../testing/render.js';
import { MacrosButton } from './MacrosButton.js';

const supervisor: User = { ...agent, id: 'user-ewa', name: 'Ewa Wiśniewska', role: 'supervisor' };
const at = '2025-03-10T01:00:00.000Z';
const solved: LocalMacro = { id: 'macro-solved-thanks', title: 'Solved — thanks', body: 'Glad we could sort this out.', locale: 'en', ownerId: null, actions: { status: 'solved' }, updatedAt: at, pending: false };
const mine: LocalMacro = { id: 'macro-mine', title: 'My VPN follow-up', body: 'Did the reconnect steps help?', locale: 'en', ownerId: agent.id, actions: { addTags: ['vpn'] }, updatedAt: at, pending: true };

function macroDesk(macros: LocalMacro[] = [solved, mine]) {
  return new FakeDesk({
    'macros.list': async () => macros,
    'macros.save': async ({ id }) => ({ id: id ?? 'macro-new' }),
    'macros.delete': async () => ({ queued: true }),
    'agents.list': async () => [{ id: 'user-janis', name: 'Jānis Bērziņš', role: 'agent', tier: 1, timeZone: 'Europe/Riga', queueIds: [], status: 'online' } as never],
  });
}

async function openManager(desk: FakeDesk, user: User = agent) {
  renderFeature(<MacrosButton />, desk, { user });
  fireEvent.click(screen.getByRole('button', { name: 'Macros' }));
  const dialog = screen.getByTestId('macro-manager');
  await within(dialog).findByRole('button', { name: /Solved — thanks/ });
  return dialog;
}

beforeAll(() => fakeModalDialogs());

describe('the macro manager', () => {
  it('lists shared and own macros, marks one waiting to send, and searches by name and text', async () => {
    const dialog = await openManager(macroDesk());
    expect(within(dialog).getByRole('button', { name: /My VPN follow-up.*Mine.*waiting to send/ })).toBeTruthy();
    const search = within(dialog).getByRole('searchbox', { name: 'Search macros by name and text' });
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: 'reconnect steps' } });
    expect(within(dialog).queryByRole('button', { name: /Solved — thanks/ })).toBeNull();
    expect(within(dialog).getByRole('status').textContent).toBe('1 macro');
  });

  it('creates a personal macro with its actions; an agent cannot share it', async () => {
    const desk = macroDesk();
    const dialog = await openManager(desk);
    fireEvent.click(within(dialog).getByRole('button', { name: 'New macro' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Printer on fire' } });
    const body = within(dialog).getByRole('textbox', { name: 'Text' });
    fireEvent.change(body, { target: { value: 'Hi , step away.' } });
    (body as HTMLTextAreaElement).setSelectionRange(3, 3);
    fireEvent.click(within(dialog).getByRole('button', { name: '{{requester.first_name}}' }));
    expect(within(dialog).getByRole('checkbox', { name: 'Shared with the whole desk' })).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Priority' }), { target: { value: 'critical' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Assignee' }), { target: { value: 'me' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Add tags' }), { target: { value: 'Printer, hardware' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save macro' }));
    await waitFor(() =>
      expect(desk.callsOf('macros.save')).toEqual([
        { macro: { title: 'Printer on fire', body: 'Hi {{requester.first_name}}, step away.', locale: 'en', shared: false, actions: { priority: 'critical', assignee: { kind: 'me' }, addTags: ['printer', 'hardware'] } } },
      ]),
    );
  });

  it('refuses a tag a ticket could not carry before sending anything', async () => {
    const desk = macroDesk();
    const dialog = await openManager(desk);
    fireEvent.click(within(dialog).getByRole('button', { name: /My VPN follow-up/ }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Remove tags' }), { target: { value: 'x'.repeat(41) } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save macro' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/at most 40 characters/);
    expect(desk.callsOf('macros.save')).toEqual([]);
  });

  it('shows a shared macro read-only to an agent, editable to a supervisor', async () => {
    const dialog = await openManager(macroDesk());
    fireEvent.click(within(dialog).getByRole('button', { name: /Solved — thanks/ }));
    await within(dialog).findByRole('option', { name: 'Jānis Bērziņš' });
    expect(within(dialog).getByText(/only supervisors and admins change it/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Save macro' })).toBeNull();
    expect(within(dialog).getByRole('combobox', { name: 'Status' })).toHaveProperty('value', 'solved');
  });

  it('lets a supervisor delete a shared macro after confirming', async () => {
    const desk = macroDesk();
    const dialog = await openManager(desk, supervisor);
    fireEvent.click(within(dialog).getByRole('button', { name: /Solved — thanks/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete macro' }));
    expect(desk.callsOf('macros.delete')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete macro' }));
    await waitFor(() => expect(desk.callsOf('macros.delete')).toEqual([{ id: solved.id }]));
  });
});
