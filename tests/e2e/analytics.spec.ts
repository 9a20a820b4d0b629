import { readFile } from 'node:fs/promises';
import { ConsolePage } from './pages/console-page.js';
import { seriousViolations } from './support/axe.js';
import { expect, test } from './support/stack-fixture.js';

/** The demo's supervisor, Ewa, reads the console in Polish: the spec goes by test ids, values and her words. */
test('a supervisor opens analytics, reads the demo desk’s figures, groups them by queue and exports the CSV', async ({ page, stack }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('supervisor@demo', 'shiftdesk', { handovers: 'keep' });
  await expect(page.getByTestId('more-tools-button')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('more-tools-button').click();
  await page.getByTestId('analytics-button').click();

  const dialog = page.getByTestId('analytics-dialog');
  const totals = dialog.getByTestId('analytics-totals');
  await expect(totals).toBeVisible({ timeout: 30_000 });
  // The last 7 days of the demo desk: tickets were created, and first responses measured.
  const created = totals.locator('tr[data-metric="created"] td').first();
  await expect(created).toHaveText(/^[1-9][\d\s ]*$/);
  await expect(totals.locator('tr[data-metric="firstResponse.calendar.median"] td').first()).not.toHaveText('—');
  await expect(dialog.getByTestId('analytics-chart')).toHaveCount(9);
  await expect(dialog.getByRole('img', { name: /Zaległe/ })).toBeVisible();
  expect(await seriousViolations(page, '[data-testid="analytics-dialog"]')).toEqual([]);

  // By queue: one column per queue, from the keyboard.
  const groupBy = dialog.getByLabel('Grupuj według');
  await groupBy.focus();
  await groupBy.selectOption('queue');
  // While the grouped report loads the table is briefly gone: wait for its queue columns, not just any change.
  await expect.poll(() => totals.locator('thead th').count(), { timeout: 15_000 }).toBeGreaterThan(2);
  const queues = await totals.locator('thead th').allTextContents();
  expect(queues).not.toContain('Cały dział');

  // A chart's figures as a table.
  const backlog = dialog.locator('[data-testid="analytics-chart"][data-metric="backlog"]');
  await backlog.getByRole('button', { name: /Tabela: Zaległe/ }).click();
  await expect(backlog.getByRole('region').getByRole('table').locator('tbody tr')).toHaveCount(7);

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Eksportuj CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toMatch(/period/i);
  expect(rows.length).toBeGreaterThan(0);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
