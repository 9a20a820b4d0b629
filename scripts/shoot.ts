import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';

export const outDir = 'docs/screenshots';
export const themes = ['dark', 'light'] as const;

/**
 * `<name>-dark.png` and `<name>-light.png` of what is on screen now. The console follows the system's
 * colour scheme until an agent picks a theme in Settings (none has here), so the emulated scheme
 * switches it live: dialogs and panels stay open between the two.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(outDir, `${name}-${theme}.png`) });
  }
}

/** A console window signed in as `email`, the start-of-shift handovers put away for later. */
export async function signIn(page: Page, email: string, { handovers = 'later' }: { handovers?: 'later' | 'keep' } = {}): Promise<void> {
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill('shiftdesk');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByTestId('queue-row').first().waitFor({ timeout: 60_000 });
  if (handovers === 'keep') return;
  await page.locator('[data-testid="handoff-button"][data-shift-read="true"]').waitFor({ timeout: 30_000 });
  const incoming = page.getByTestId('incoming-handoffs');
  if (await incoming.isVisible()) await incoming.getByRole('button', { name: 'Later' }).click();
}

export async function newConsole(browser: Browser, url: string, width = 1440, height = 900): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await page.goto(url);
  return page;
}

/** The language, as an agent changes it: in Settings (it applies at once). */
export async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-dialog').locator('select').first().selectOption(language);
  await page.keyboard.press('Escape');
  await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
}

/** The top bar's "More" (the rota, the admins' settings), opened if it is not. */
export async function openMoreTools(page: Page): Promise<void> {
  const more = page.getByTestId('more-tools-button');
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
}
