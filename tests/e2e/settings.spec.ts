import { ConsolePage } from './pages/console-page.js';
import { expect, test } from './support/stack-fixture.js';

const background = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('an agent switches theme, density and language in Settings from the keyboard, without a restart, and finds them again after a reload', async ({ page, stack }) => {
  // A busy machine signs in and loads the demo desk slowly.
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.expectQueueLoaded(10);
  const html = page.locator('html');
  // Nothing chosen yet: the system's light.
  await expect(html).toHaveAttribute('data-theme', 'light');
  const light = await background(page);

  // The system turns dark at dusk: the console follows while it runs.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).not.toBe(light);

  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('radio', { name: 'Same as the system' })).toBeFocused();
  // Arrow keys move along the radio group, as anywhere.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await background(page)).toBe(light);
  // Chosen, it no longer follows the system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'light');

  const rowHeight = () => desk.rows().first().evaluate((row) => row.getBoundingClientRect().height);
  const comfortable = await rowHeight();
  await dialog.getByRole('radio', { name: 'Compact' }).check();
  await expect(html).toHaveAttribute('data-density', 'compact');
  await expect.poll(rowHeight).toBeLessThan(comfortable);

  await dialog.getByRole('combobox', { name: 'Language' }).selectOption('pl');
  await expect(page.getByRole('dialog', { name: 'Ustawienia' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'pl');

  // The agent's own settings on this machine: still there after a reload.
  await page.reload();
  await desk.expectQueueLoaded(10);
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(html).toHaveAttribute('data-density', 'compact');
  await expect(page.getByRole('button', { name: 'Wyloguj się' })).toBeVisible();
});
