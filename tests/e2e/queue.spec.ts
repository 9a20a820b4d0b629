import { ConsolePage } from './pages/console-page.js';
import { expect, test } from './support/stack-fixture.js';

async function apiToken(serverUrl: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo', password: 'shiftdesk' }),
  });
  return ((await response.json()) as { token: string }).token;
}

test('the console refuses to open without the printed token', async ({ page, stack }) => {
  const origin = new URL(stack.consoleUrl).origin;
  const response = await page.goto(origin);
  expect(response?.status()).toBe(403);
  const wrong = await page.goto(`${origin}/?token=guess`);
  expect(wrong?.status()).toBe(403);
});

test('an agent signs in, sees the seeded queue, and a ticket created over REST appears live with its countdown', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.expectQueueLoaded(50);

  const token = await apiToken(stack.serverUrl);
  const response = await fetch(`${stack.serverUrl}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      subject: 'Premium customer: checkout returns 502',
      body: 'Every payment attempt fails with a 502 since 02:10.',
      requesterName: 'Laura Ozola',
      requesterEmail: 'laura@baltic-retail.example',
      channel: 'chat',
      priority: 'critical',
      customerTier: 'premium',
      type: 'incident',
      queueId: 'general',
    }),
  });
  expect(response.status).toBe(201);
  const { ticket } = (await response.json()) as { ticket: { number: number } };

  const row = desk.row(ticket.number);
  await expect(row).toBeVisible({ timeout: 2_000 });
  await expect(row).toContainText('Premium customer: checkout returns 502');
  const countdown = row.getByTestId('sla-countdown');
  const first = await countdown.innerText();
  expect(first).toMatch(/\d:\d\d/);
  await expect.poll(() => countdown.innerText(), { timeout: 3_000 }).not.toBe(first);

  await row.click();
  await expect(page.getByText('Every payment attempt fails with a 502 since 02:10.')).toBeVisible();
});
