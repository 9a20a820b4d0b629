import { ConsolePage } from './pages/console-page.js';
import { expect, test } from './support/stack-fixture.js';

test('an agent keeps answering through a server outage; the reply goes out once it is back', async ({ page, stack }) => {
  // The server is stopped and started again inside the test: a restart alone takes 10–30 s on a loaded machine.
  test.setTimeout(120_000);
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.expectQueueLoaded(50);
  const row = desk.rows().first();
  const number = await row.getAttribute('data-ticket-number');
  await row.click();

  await stack.stopServer();
  const banner = page.getByTestId('sync-banner');
  await expect(banner).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });

  const reply = 'We are on it; next update within the hour.';
  await page.getByLabel('Reply to the customer').fill(reply);
  await page.getByLabel('Reply to the customer').press('Control+Enter');
  const pane = page.getByTestId('ticket-pane');
  await expect(pane.getByText(reply)).toBeVisible();
  await expect(pane.getByText('Waiting to send')).toBeVisible();
  await expect(banner).toContainText('1');
  await page.screenshot({ path: test.info().outputPath('offline.png') });

  await stack.restartServer();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  await expect(pane.getByText('Waiting to send')).toBeHidden();
  await expect(pane.getByText(reply)).toHaveCount(1);

  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'agent@demo', password: 'shiftdesk' }) });
  const { token } = (await login.json()) as { token: string };
  const detail = (await (await fetch(`${stack.serverUrl}/api/v1/tickets/${number}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { messages: { body: string }[] };
  expect(detail.messages.filter((m) => m.body === reply)).toHaveLength(1);
});
