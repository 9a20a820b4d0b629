import { ConsolePage } from './pages/console-page.js';
import { seriousViolations } from './support/axe.js';
import { expect, test } from './support/stack-fixture.js';

test('an agent reaches who is on call from the top bar with the keyboard, offline too; the dialog passes axe', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.expectQueueLoaded(10);

  await desk.openMoreTools();
  const button = page.getByRole('button', { name: 'On call' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Shifts and on call' });
  await expect(dialog.getByRole('heading', { name: 'Shifts and on call' })).toBeFocused();
  // The demo's tier 2 and 3 hold the pager around the clock.
  await expect(dialog.getByTestId('tier-2')).toContainText('Piotr Zieliński');
  await expect(dialog.getByTestId('tier-3')).toContainText('Sam Carter');
  await expect(dialog.getByTestId('on-call-now')).toContainText('Times in Europe/Warsaw.');
  await expect(dialog.getByTestId('my-shifts')).toContainText(/Warsaw evening/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // With the server gone, the replica still knows the rota.
  await stack.stopServer();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline', { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('tier-2')).toContainText('Piotr Zieliński');
});

test('an admin adds an override from the rota editor; the editor passes axe', async ({ page, stack }) => {
  // axe reads the whole console (200 queue rows) each time.
  test.setTimeout(120_000);
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('admin@demo');
  await desk.expectQueueLoaded(10);

  await desk.openMoreTools();
  await page.getByRole('button', { name: 'On call' }).click();
  const dialog = page.getByRole('dialog', { name: 'Shifts and on call' });
  await dialog.getByRole('tab', { name: 'Shift rotations' }).click();
  await expect(dialog.getByTestId('rotation-row')).toContainText('Riga day');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('tab', { name: 'Overrides and swaps' }).click();
  await expect(dialog.getByTestId('swap-row')).toHaveCount(1);

  await dialog.getByRole('button', { name: 'New override' }).click();
  await dialog.getByLabel('Rotation').selectOption({ label: 'Tier 2 on call' });
  await dialog.getByLabel('Who is replaced').selectOption({ label: 'Piotr Zieliński' });
  await dialog.getByLabel('Who stands in').selectOption({ label: 'Ewa Wiśniewska' });
  const hour = 3_600_000;
  // Times are typed in the admin's zone, UTC on the demo desk.
  const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  await dialog.getByLabel('From').fill(local(Date.now() - hour));
  await dialog.getByLabel('To').fill(local(Date.now() + hour));
  await dialog.getByLabel('Reason').fill('Piotr at the dentist');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Add override' }).click();

  await expect(dialog.getByTestId('override-row').filter({ hasText: 'Ewa Wiśniewska for Piotr Zieliński' })).toBeVisible();
  await dialog.getByRole('tab', { name: 'On call now' }).click();
  await expect(dialog.getByTestId('tier-2')).toContainText('Ewa Wiśniewska');
});
