import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MyRota, Rota } from '../../../../shared/desk-api/rota-methods.js';
import { DeskError } from '../../../../shared/desk-api/errors.js';
import type { Agent, User } from '../../../../shared/domain/people.js';
import type { OnCallRotation, ShiftRotation } from '../../../../shared/domain/shifts.js';
import { onCallBoard } from '../../../../shared/shifts/board.js';
import { Schedule } from '../../../../shared/shifts/schedule.js';
import { agent, deskWith, settle, testNow, tier1, tier2 } from '../../testing/fake-desk.js';
import { fakeModalDialogs } from '../../testing/modal-dialog.js';
import { manualClock, renderFeature } from '../../testing/render.js';
import { RotaButton } from './RotaButton.js';

beforeAll(fakeModalDialogs);

const admin: User = { ...agent, id: 'user-alex', name: 'Alex Morgan', role: 'admin', timeZone: 'Europe/Warsaw', queueIds: [] };
const people: Agent[] = [
  { id: 'user-ada', name: 'Ada Night', role: 'agent', tier: 1, timeZone: 'Europe/Riga', queueIds: ['q-tier1'], status: 'online' },
  { id: 'user-jb', name: 'Jānis Bērziņš', role: 'agent', tier: 1, timeZone: 'Europe/Riga', queueIds: ['q-tier1'], status: 'online' },
  { id: 'user-pz', name: 'Piotr Zieliński', role: 'agent', tier: 2, timeZone: 'Europe/Warsaw', queueIds: ['q-tier2'], status: 'online' },
];
const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const followTheSun: ShiftRotation = {
  id: 'tier1',
  name: 'Tier 1 — follow the sun',
  tier: 1,
  queueIds: ['q-tier1'],
  shifts: [
    { id: 'riga-day', name: 'Riga day', timeZone: 'Europe/Riga', start: '08:00', end: '16:00', weekdays: [...everyDay], memberIds: ['user-ada', 'user-jb'] },
    { id: 'ny-night', name: 'New York night', timeZone: 'America/New_York', start: '17:00', end: '01:00', weekdays: [...everyDay], memberIds: [] },
  ],
};
const tier2OnCall: OnCallRotation = { id: 'tier2-on-call', name: 'Tier 2 on call', tier: 2, memberIds: ['user-pz'], handover: { weekday: 'mon', time: '09:00', timeZone: 'Europe/Warsaw' }, lengthDays: 7, startDate: '2025-01-06' };

/**
 * A desk whose core answers the rota as the real one does: the board from the shared Schedule over
 * the rota it holds, at the clock's instant; the agent's own shifts as the test says.
 */
function rotaDesk(user: User, mine: MyRota, rota: Rota = { rotations: [followTheSun], onCallRotations: [tier2OnCall], overrides: [], swaps: [] }) {
  const clock = manualClock(testNow);
  const desk = deskWith({ user, queues: [tier1, tier2] });
  const state = { rota };
  desk.api['agents.list'] = async () => people;
  desk.api['rota.get'] = async () => state.rota;
  desk.api['rota.mine'] = async () => mine;
  desk.api['rota.onCallNow'] = async () => onCallBoard(new Schedule(state.rota), clock.now(), new Map(people.map((p) => [p.id, p.name])));
  return { desk, clock, state };
}

const offShift: MyRota = {
  rostered: true,
  current: null,
  next: { userId: 'user-ada', name: 'Ada Night', rotationId: 'tier1', shiftId: 'riga-day', start: '2025-03-10T06:00:00.000Z', end: '2025-03-10T14:00:00.000Z', shiftName: 'Riga day', rotationName: 'Tier 1 — follow the sun', timeZone: 'Europe/Riga' },
  onCall: null,
  nextOnCall: null,
};

async function open(user: User, mine: MyRota = offShift, language?: 'pl') {
  const setup = rotaDesk(user, mine);
  const rendered = renderFeature(<RotaButton />, setup.desk, { user, clock: setup.clock, ...(language ? { language } : {}) });
  await act(settle);
  const button = screen.getByTestId('rota-button');
  button.focus();
  fireEvent.click(button);
  await act(settle);
  return { ...setup, ...rendered, button, dialog: screen.getByTestId('rota-dialog') };
}

const rowText = (dialog: HTMLElement, tier: number) => within(dialog).getByTestId(`tier-${tier}`).textContent;

describe('on call now', () => {
  it('shows each tier’s people on shift and on call in the agent’s time zone, and the night left uncovered', async () => {
    // 04:00 in Riga: the New York night shift is vacant, so tier 1 waits for the Riga day at 08:00.
    const { dialog } = await open(agent);
    expect(within(dialog).queryByRole('tab')).toBeNull();
    expect(within(dialog).getByText('Times in Europe/Riga.')).toBeTruthy();
    expect(rowText(dialog, 1)).toContain('Nobody on shift');
    expect(rowText(dialog, 1)).toMatch(/Next shift Mon, Mar 10, 8:00 AM/);
    // Piotr is the rotation's only member: the pager stays with him as far as the rota is looked at.
    expect(rowText(dialog, 2)).toMatch(/Piotr Zieliński for four weeks or more.*None in the next four weeks/);
    expect(rowText(dialog, 3)).toContain('No shift rotation');
    expect(within(dialog).getByTestId('my-shifts').textContent).toContain('You are off shift.Next: Riga day, Mon, Mar 10, 8:00 AM – Mon, Mar 10, 4:00 PM.');
  });

  it('follows the clock and the rota: a shift starting and an admin’s change arriving', async () => {
    const { dialog, clock, desk, state } = await open(agent);
    clock.set(Date.parse('2025-03-10T06:30:00Z'));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1100));
    });
    await waitFor(() => expect(rowText(dialog, 1)).toMatch(/Ada Night until Mon, Mar 10, 4:00 PM.*Jānis Bērziņš until/));

    state.rota = { ...state.rota, overrides: [{ id: 'o1', rotationId: 'tier1', replacedUserId: 'user-jb', replacementUserId: 'user-pz', start: '2025-03-10T06:00:00.000Z', end: '2025-03-10T10:00:00.000Z', reason: 'dentist', createdBy: 'user-alex', createdAt: '2025-03-01T00:00:00.000Z' }] };
    await act(async () => desk.emit('rota.changed', {}));
    await act(settle);
    expect(rowText(dialog, 1)).toMatch(/Piotr Zieliński until Mon, Mar 10, 12:00 PM/);
  });

  it('tells someone in no rotation that they always count as on shift, and who is on call now', async () => {
    const { dialog } = await open({ ...agent, id: 'user-pz' }, { rostered: false, current: null, next: null, onCall: { userId: 'user-pz', name: 'Piotr Zieliński', rotationId: 'tier2-on-call', shiftId: null, start: '2025-03-10T08:00:00.000Z', end: '2025-03-17T08:00:00.000Z' }, nextOnCall: null });
    const mine = within(dialog).getByTestId('my-shifts').textContent;
    expect(mine).toContain('You are in no shift rotation, so you count as on shift at any hour.');
    expect(mine).toContain('You are on call until Mon, Mar 17, 10:00 AM.');
  });

  it('Escape closes it and the keyboard goes back to the top bar', async () => {
    const { button, dialog } = await open(agent);
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Shifts and on call' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close shifts and on call' }));
    await act(settle);
    expect(screen.queryByTestId('rota-dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('speaks Polish', async () => {
    const { dialog } = await open(agent, offShift, 'pl');
    expect(screen.getByTestId('rota-button').textContent).toBe('Dyżury');
    expect(rowText(dialog, 1)).toContain('Linia 1');
    expect(rowText(dialog, 1)).toContain('Nikt nie jest na zmianie');
  });
});

describe('the rota editor (admins)', () => {
  it('lists the shift rotations with each shift’s hours, zone, days and people; a vacant shift says so', async () => {
    const { dialog } = await open(admin);
    const tabs = within(dialog).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['On call now', 'Shift rotations', 'On-call rotations', 'Overrides and swaps']);
    expect(document.activeElement).toBe(tabs[0]);
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    await act(settle);
    const row = within(dialog).getByTestId('rotation-row');
    expect(row.textContent).toContain('Riga day: 08:00–16:00 Europe/Riga, Mon–Sun — Ada Night, Jānis Bērziņš');
    expect(row.textContent).toContain('New York night: 17:00–01:00 America/New_York, Mon–Sun — vacant');
  });

  it('edits a rotation and sends it whole; a refusal is shown in the server’s words and what was typed stays', async () => {
    const { dialog, desk } = await open(admin);
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Shift rotations' }));
    await act(settle);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Edit Tier 1 — follow the sun' }));
    await act(settle);
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Edit Tier 1 — follow the sun' }));
    const [, night] = within(dialog).getAllByTestId('shift-fields');
    fireEvent.click(within(night!).getByRole('checkbox', { name: 'Piotr Zieliński' }));
    fireEvent.change(within(night!).getByLabelText('Time zone'), { target: { value: 'Mars/Olympus' } });

    desk.api['admin.rota.saveShiftRotation'] = async () => {
      throw new DeskError('invalid_input', 'rotation.shifts.1.timeZone: unknown IANA time zone');
    };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await act(settle);
    expect(within(dialog).getByRole('alert').textContent).toContain('rotation.shifts.1.timeZone: unknown IANA time zone');
    expect((within(night!).getByLabelText('Time zone') as HTMLInputElement).value).toBe('Mars/Olympus');

    let saved: unknown = null;
    desk.api['admin.rota.saveShiftRotation'] = async (input) => {
      saved = input;
      return input.rotation;
    };
    fireEvent.change(within(night!).getByLabelText('Time zone'), { target: { value: 'America/New_York' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await act(settle);
    expect(saved).toEqual({ mode: 'replace', rotation: { ...followTheSun, shifts: [followTheSun.shifts[0], { ...followTheSun.shifts[1], memberIds: ['user-pz'] }] } });
    // Back to the list, the keyboard on its heading.
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: /Shift rotations/ }));
  });

  it('adds an override typed in the admin’s own time zone', async () => {
    const { dialog, desk } = await open(admin);
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Overrides and swaps' }));
    await act(settle);
    fireEvent.click(within(dialog).getByRole('button', { name: 'New override' }));
    await act(settle);
    fireEvent.change(within(dialog).getByLabelText('Rotation'), { target: { value: 'tier1' } });
    fireEvent.change(within(dialog).getByLabelText('Shift'), { target: { value: 'riga-day' } });
    // Only the shift's people can be replaced.
    const replaced = within(dialog).getByLabelText('Who is replaced');
    expect(within(replaced).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose…', 'Ada Night', 'Jānis Bērziņš']);
    fireEvent.change(replaced, { target: { value: 'user-jb' } });
    fireEvent.change(within(dialog).getByLabelText('Who stands in'), { target: { value: 'user-pz' } });
    fireEvent.change(within(dialog).getByLabelText('From'), { target: { value: '2025-03-11T09:00' } });
    fireEvent.change(within(dialog).getByLabelText('To'), { target: { value: '2025-03-11T11:00' } });
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Training' } });
    let sent: unknown = null;
    desk.api['admin.rota.addOverride'] = async (input) => {
      sent = input;
      return { ...input, id: 'o-new', createdBy: admin.id, createdAt: new Date(testNow).toISOString() };
    };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add override' }));
    await act(settle);
    // 09:00 in Warsaw (CET) is 08:00 UTC.
    expect(sent).toEqual({ rotationId: 'tier1', shiftId: 'riga-day', replacedUserId: 'user-jb', replacementUserId: 'user-pz', start: '2025-03-11T08:00:00.000Z', end: '2025-03-11T10:00:00.000Z', reason: 'Training' });
  });

  it('removes an on-call rotation after asking in place', async () => {
    const { dialog, desk } = await open(admin);
    fireEvent.click(within(dialog).getByRole('tab', { name: 'On-call rotations' }));
    await act(settle);
    expect(within(dialog).getByTestId('rotation-row').textContent).toContain('Monday 09:00 Europe/Warsaw, every 7 days, from 2025-01-06');
    const removed: string[] = [];
    desk.api['admin.rota.removeOnCallRotation'] = async ({ id }) => {
      removed.push(id);
      return null;
    };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove Tier 2 on call' }));
    await act(settle);
    const question = within(dialog).getByRole('group', { name: 'Remove Tier 2 on call with its overrides and swaps?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Remove' }));
    await act(settle);
    expect(removed).toEqual(['tier2-on-call']);
  });
});
