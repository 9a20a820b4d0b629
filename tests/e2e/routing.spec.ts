import { callApi, loginAs } from '../../src/server/testing/test-server.js';
import { ConsolePage } from './pages/console-page.js';
import { seriousViolations } from './support/axe.js';
import { expect, test } from './support/stack-fixture.js';

type Presence = { items: { id: string; status: string; effectiveStatus: string }[] };

// A whole demo desk, a browser and axe: slow on a busy build machine.
test.setTimeout(120_000);

test('an agent sees why a new ticket went where it did, and changes her own status from the keyboard; the server hears it', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.expectQueueLoaded(10);
  const status = page.getByRole('combobox', { name: 'My status' });
  await expect(status).toHaveValue('online');

  // A customer's question no rule claims: the default queue, General, where Marta works.
  const token = await loginAs(stack.serverUrl, 'agent@demo');
  const created = await callApi<{ ticket: { number: number } }>(stack.serverUrl, '/api/v1/tickets', {
    method: 'POST',
    token,
    body: { subject: 'Where do I change my notification settings?', body: 'I cannot find it in the profile page.', requesterName: 'Laura Bennett', requesterEmail: 'laura.bennett@brightside-dental.example' },
  });
  expect(created.status).toBe(201);
  const row = desk.row(created.body.ticket.number);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.click();

  const why = page.getByRole('button', { name: /Why here\?/ });
  await why.focus();
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: 'How routing placed this ticket' });
  await expect(region).toContainText('No rule matched: the default queue, General.');
  // Whatever the hour (her shift is the Warsaw evening), Marta was judged, with her load on email then.
  await expect(region.getByRole('rowheader', { name: 'Marta Nowak' })).toBeVisible();
  await expect(region.getByRole('row', { name: /Marta Nowak/ })).toContainText(/\d+ of 6/);
  expect(await seriousViolations(page, '[data-testid="ticket-pane"]')).toEqual([]);
  expect(await seriousViolations(page, '.top-bar')).toEqual([]);

  await status.focus();
  // Type-ahead, as on any select: "a" is Away.
  await page.keyboard.press('a');
  await expect(status).toHaveValue('away');
  await expect(page.getByTestId('my-status')).toHaveAttribute('data-status', 'away');
  await expect(page.getByText('waiting to send')).toBeHidden({ timeout: 15_000 });
  const presence = await callApi<Presence>(stack.serverUrl, '/api/v1/agents/status', { token });
  expect(presence.body.items.find((agent) => agent.id === 'u-agent')).toMatchObject({ status: 'away', effectiveStatus: 'away' });
});

test('an admin changes an agent’s chat capacity in the routing settings, from the keyboard; the screen passes axe', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('admin@demo');
  await desk.expectQueueLoaded(10);

  await desk.openMoreTools();
  const button = page.getByRole('button', { name: 'Routing' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Routing' });
  await expect(dialog.getByRole('tab', { name: 'Rules' })).toBeFocused();
  await expect(dialog.getByRole('heading', { name: /Rule 1: Network alerts/ })).toBeVisible();
  expect(await seriousViolations(page, '[data-testid="routing-settings"]')).toEqual([]);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('tab', { name: 'Agents' })).toBeFocused();
  const chat = dialog.getByRole('spinbutton', { name: 'Chat: tickets Marta Nowak works at once' });
  await chat.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('row', { name: /Marta Nowak/ }).getByRole('status')).toHaveText('Saved.');
  expect(await seriousViolations(page, '[data-testid="routing-settings"]')).toEqual([]);

  const token = await loginAs(stack.serverUrl, 'admin@demo');
  const agents = await callApi<{ items: { id: string; capacity: { chat: number } }[] }>(stack.serverUrl, '/api/v1/routing/agents', { token });
  expect(agents.body.items.find((agent) => agent.id === 'u-agent')?.capacity.chat).toBe(1);
});
