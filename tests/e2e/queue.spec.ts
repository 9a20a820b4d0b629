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

test('an agent works the queue from the keyboard: views with counts, search, j/k, Enter, ? and a view of their own that survives a reload', async ({ page, stack }) => {
  test.setTimeout(120_000);
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.expectQueueLoaded(20);
  const views = page.getByTestId('queue-views');
  const grid = page.getByRole('grid', { name: 'Tickets' });
  // The replica may still be pulling when the first rows show, so "all" is whatever All visible counts now.
  const allVisible = page.getByRole('navigation', { name: 'Views and queues' }).getByRole('button', { name: /^All visible/ });
  const allCounted = async () => Number((await allVisible.textContent())!.match(/(\d+) tickets?$/)![1]);
  const shown = async () => Number(await grid.getAttribute('aria-rowcount')) - 1;
  await expect.poll(allCounted, { timeout: 10_000 }).toBeGreaterThanOrEqual(50);

  // Built-in views count their tickets; choosing one shows just those.
  const mine = views.getByRole('button', { name: /^My tickets\s*, \d+ tickets?$/ });
  await expect(mine).toBeVisible();
  await mine.click();
  // Routing keeps handing the agent tickets as she comes online: the count and the rows agree as they change.
  const agree = async () => {
    const counted = Number((await mine.textContent())!.match(/(\d+) tickets?$/)![1]);
    const rows = Number(await grid.getAttribute('aria-rowcount')) - 1;
    return counted === rows && rows > 0;
  };
  await expect.poll(agree, { timeout: 10_000 }).toBe(true);
  await expect(desk.rows().filter({ hasNotText: 'Me' })).toHaveCount(0);
  await views.getByRole('button', { name: /^Breached/ }).click();
  await expect(desk.rows().first().getByTestId('sla-countdown').locator('[data-sla-state]')).toHaveAttribute('data-sla-state', 'breached');

  // The replica's full-text search: "/" goes to the box; typing there is not taken for shortcuts.
  await allVisible.click();
  await grid.focus();
  const word = (await desk.rows().nth(3).locator('.cell-subject').innerText()).match(/\p{L}{5,}/u)![0];
  await page.keyboard.press('/');
  await expect(page.getByTestId('queue-search')).toBeFocused();
  await page.keyboard.type(word.toLowerCase());
  const total = await allCounted();
  await expect.poll(shown).toBeLessThan(total);
  await expect(desk.rows().first()).toBeVisible();
  await expect(page.locator('[data-testid="queue-row"] .cell-subject').filter({ hasText: word })).not.toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('queue-search').fill('');
  await expect.poll(async () => (await shown()) === (await allCounted()) && (await shown()) >= total).toBe(true);

  // j and k move the selection, Enter opens it, ? lists the keys and Esc closes the list.
  await grid.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  const selected = page.locator('[data-testid="queue-row"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(grid).toHaveAttribute('aria-activedescendant', (await selected.getAttribute('id'))!);
  const number = await selected.getAttribute('data-ticket-number');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-pane')).toContainText(`#${number}`);
  await page.locator('body').press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts).toContainText('Escalate the open ticket');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await page.screenshot({ path: 'test-results/queue-keyboard.png' });

  // A view of the agent's own: Breached email, saved, and still there after a reload.
  await views.getByRole('button', { name: /^Breached/ }).click();
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('group', { name: 'Channel' }).getByRole('checkbox', { name: 'Email' }).check();
  await page.getByRole('button', { name: 'Save as view…' }).click();
  const naming = page.getByRole('dialog', { name: 'Save as a new view' });
  await naming.getByRole('textbox', { name: 'Name' }).fill('Breached email');
  await naming.getByRole('button', { name: 'Save' }).click();
  const own = views.getByRole('button', { name: /^Breached email\s*, \d+ tickets?/ });
  await expect(own).toHaveAttribute('aria-pressed', 'true');
  await expect(own).not.toContainText('waiting to sync', { timeout: 10_000 });

  await page.reload();
  // The demo hands tier 1 over around the clock: the start-of-shift dialog may ask again.
  await expect(page.getByTestId('handoff-button')).toHaveAttribute('data-shift-read', 'true', { timeout: 15_000 });
  const incoming = page.getByTestId('incoming-handoffs');
  if (await incoming.isVisible()) await incoming.getByRole('button', { name: 'Later' }).click();
  await expect(views.getByRole('button', { name: /^Breached email\s*, \d+ tickets?$/ })).toBeVisible({ timeout: 15_000 });
  const kept = views.getByRole('button', { name: /^Breached email/ });
  await kept.click();
  await expect(kept).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Filters (2)' })).toBeVisible();
  await page.screenshot({ path: 'test-results/queue-view.png' });
});
