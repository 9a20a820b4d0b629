import type { Page } from '@playwright/test';
import { callApi, loginAs } from '../../src/server/testing/test-server.js';
import { ConsolePage } from './pages/console-page.js';
import { seriousViolations } from './support/axe.js';
import { expect, test } from './support/stack-fixture.js';

/** The demo's supervisor, Ewa, reads the console in Polish: the spec goes by test ids and her words. */
async function signInAsSupervisor(page: Page, consoleUrl: string): Promise<void> {
  const desk = new ConsolePage(page);
  await desk.open(consoleUrl);
  await desk.signIn('supervisor@demo', 'shiftdesk', { handovers: 'keep' });
  await expect(page.getByTestId('more-tools-button')).toBeVisible({ timeout: 15_000 });
}

const waiting = (page: Page, queueId: string) => page.locator(`[data-testid="wallboard-queue"][data-queue-id="${queueId}"] [data-figure="waiting"]`);

test('a supervisor opens the wallboard; a new ticket shows in its counts within two seconds without a reload; kiosk mode turns the panels', async ({ page, stack }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signInAsSupervisor(page, stack.consoleUrl);
  await page.getByTestId('more-tools-button').click();
  await page.getByTestId('wallboard-button').click();
  const wallboard = page.getByTestId('wallboard');
  await expect(wallboard.getByRole('heading', { name: 'Tablica' })).toBeVisible();
  await expect(waiting(page, 'general')).toHaveText(/^\d+$/, { timeout: 15_000 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator(`html[data-theme="${colorScheme}"]`)).toHaveCount(1);
    expect(await seriousViolations(page, '[data-testid="wallboard"]'), colorScheme).toEqual([]);
  }

  const before = Number(await waiting(page, 'general').textContent());
  const token = await loginAs(stack.serverUrl, 'agent@demo');
  const created = await callApi(stack.serverUrl, '/api/v1/tickets', {
    method: 'POST',
    token,
    body: { subject: 'Kasa fiskalna nie drukuje paragonów', body: 'Od rana drukarka fiskalna stoi.', requesterName: 'Anna Kowalska', requesterEmail: 'anna@example.com', queueId: 'general', channel: 'email' },
  });
  expect(created.status).toBe(201);
  await expect(waiting(page, 'general')).toHaveText(String(before + 1), { timeout: 2_000 });

  // Kiosk mode: one panel at a time, the next every 10 seconds; a key pauses, Esc leaves.
  await wallboard.getByLabel('Następny panel co').selectOption('10');
  await wallboard.getByTestId('wallboard-kiosk').click();
  const position = page.getByTestId('wallboard-position');
  await expect(position).toHaveAttribute('data-index', '0');
  await expect(position).toContainText('Panel 1 z 5');
  await expect(page.getByTestId('wallboard-today')).toHaveCount(0);
  await expect(position).toHaveAttribute('data-index', '1', { timeout: 13_000 });
  await expect(page.getByTestId('wallboard-today')).toBeVisible();
  await page.keyboard.press('p');
  await expect(position).toHaveAttribute('data-paused', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveAttribute('data-index', '2');
  expect(await seriousViolations(page, '[data-testid="wallboard"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(wallboard).toHaveAttribute('data-kiosk', 'false');
  await expect(wallboard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(wallboard).toHaveCount(0);
});

test('a TV opens straight into kiosk mode from the address, and Alt+Shift+W closes and opens the wallboard', async ({ page, stack }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAsSupervisor(page, stack.consoleUrl);
  await page.goto(`${stack.consoleUrl}#wallboard/kiosk`);
  const wallboard = page.getByTestId('wallboard');
  await expect(wallboard).toHaveAttribute('data-kiosk', 'true', { timeout: 15_000 });
  await expect(page.getByTestId('wallboard-queues')).toBeVisible();
  await page.keyboard.press('Alt+Shift+KeyW');
  await expect(wallboard).toHaveCount(0);
  await page.keyboard.press('Alt+Shift+KeyW');
  await expect(wallboard).toHaveAttribute('data-kiosk', 'false');
});

test('an agent has no wallboard', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.openMoreTools();
  await expect(page.getByTestId('rota-button')).toBeVisible();
  await expect(page.getByTestId('wallboard-button')).toHaveCount(0);
  await page.keyboard.press('Alt+Shift+KeyW');
  await expect(page.getByTestId('wallboard')).toHaveCount(0);
});
