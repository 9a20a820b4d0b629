import type { Page } from '@playwright/test';
import { ConsolePage } from './pages/console-page.js';
import { seriousViolations } from './support/axe.js';
import { expect, test } from './support/stack-fixture.js';

// Six engineers share two cores: the first sync can take a while, so the waits are generous.
test.setTimeout(180_000);

async function synced(page: Page) {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 90_000 });
}

async function openKnowledgeBase(page: Page) {
  await page.getByRole('button', { name: 'Knowledge base', exact: true }).click();
  const panel = page.getByTestId('knowledge-panel');
  await expect(panel).toBeVisible();
  return panel;
}

test('the knowledge base answers with the server stopped, and an article goes into the reply', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await synced(page);
  await expect.poll(() => desk.rows().count(), { timeout: 60_000 }).toBeGreaterThan(20);
  await desk.rows().first().click();
  const pane = page.getByTestId('ticket-pane');
  const suggested = pane.getByTestId('suggested-articles');
  await expect(suggested.getByRole('button').first()).toBeVisible({ timeout: 15_000 });
  await suggested.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('suggested-articles.png') });

  await stack.stopServer();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline', { timeout: 15_000 });

  const panel = await openKnowledgeBase(page);
  await panel.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('password reset');
  await expect(panel.getByRole('status')).toContainText(/articles? found/);
  await panel.getByRole('button', { name: /Reset your password|password/i }).first().click();
  const title = await panel.getByRole('heading', { level: 3 }).textContent();
  await panel.getByRole('button', { name: 'Insert link' }).click();
  await panel.getByRole('button', { name: 'Insert text' }).click();
  await expect(panel.getByText(/Inserted into the reply of #\d+/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('knowledge-panel.png') });
  expect(await seriousViolations(page, '[data-testid="knowledge-panel"]')).toEqual([]);

  const reply = page.getByLabel('Reply to the customer');
  await expect(reply).toHaveValue(new RegExp(`${title!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: http://[^\\s]+/portal/kb/`));
  // Escape closes the panel and the keyboard is back on the top bar's button.
  await panel.getByRole('searchbox').or(panel.getByRole('heading', { level: 2 })).first().press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Knowledge base', exact: true })).toBeFocused();
  await stack.restartServer();
});

test('an admin edits an article: version 2 with a note, in the history', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  // Alex Morgan, an admin, works in English (the demo supervisor in Polish).
  await desk.signIn('admin@demo');
  await synced(page);
  await page.keyboard.press('Control+Shift+K');
  const panel = page.getByTestId('knowledge-panel');
  await panel.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('VPN');
  await panel.locator('.knowledge-results__item').first().click();
  await expect(panel.getByText('Version 1', { exact: false })).toBeVisible();
  await panel.getByRole('button', { name: 'Edit' }).click();
  const body = panel.getByRole('textbox', { name: 'Text' });
  await body.fill(`${await body.inputValue()}\n\nNight shift tip: check the concentrator status page first.`);
  await panel.getByRole('textbox', { name: 'What changed (shown in the history)' }).fill('Added the night shift tip');
  await panel.getByRole('button', { name: 'Save as new version' }).click();
  await expect(panel.getByText(/Version 2/)).toBeVisible({ timeout: 10_000 });
  await expect(panel.getByText('Night shift tip: check the concentrator status page first.')).toBeVisible();
  await panel.getByRole('button', { name: 'History' }).click();
  await expect(panel.getByRole('button', { name: /Version 2 · Alex Morgan .*\(current\)/ })).toBeVisible();
  await expect(panel.getByText('Note: Added the night shift tip')).toBeVisible();
  await panel.getByRole('button', { name: /Version 1 · Shiftdesk/ }).click();
  await expect(panel.getByRole('button', { name: 'Restore this version' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('knowledge-history.png') });
  expect(await seriousViolations(page, '[data-testid="knowledge-panel"]')).toEqual([]);
});

test('an agent creates a personal macro and finds it by its text', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await synced(page);
  await page.getByRole('button', { name: 'Macros', exact: true }).click();
  const dialog = page.getByTestId('macro-manager');
  await expect(dialog.getByRole('button', { name: /My VPN follow-up/ })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'New macro' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Printer on fire');
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Hi , please step away from the printer; facilities are on their way.');
  await dialog.getByRole('textbox', { name: 'Text' }).evaluate((box: HTMLTextAreaElement) => box.setSelectionRange(3, 3));
  await dialog.getByRole('button', { name: '{{requester.first_name}}' }).click();
  await dialog.getByRole('combobox', { name: 'Priority' }).selectOption('critical');
  await dialog.getByRole('textbox', { name: 'Add tags' }).fill('printer');
  await dialog.getByRole('button', { name: 'Save macro' }).click();
  await dialog.getByRole('searchbox', { name: 'Search macros by name and text' }).fill('facilities');
  await expect(dialog.getByRole('status')).toHaveText('1 macro');
  await expect(dialog.getByRole('button', { name: /Printer on fire.*Mine/ })).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Text' })).toHaveValue('Hi {{requester.first_name}}, please step away from the printer; facilities are on their way.');
  await dialog.getByRole('searchbox', { name: 'Search macros by name and text' }).fill('');
  await page.screenshot({ path: test.info().outputPath('macro-manager.png') });
  expect(await seriousViolations(page, '[data-testid="macro-manager"]')).toEqual([]);

  // The server has it, as Marta's own.
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'agent@demo', password: 'shiftdesk' }) });
  const { token } = (await login.json()) as { token: string };
  await expect
    .poll(async () => ((await (await fetch(`${stack.serverUrl}/api/v1/macros?q=facilities`, { headers: { authorization: `Bearer ${token}` } })).json()) as { ownerId: string }[]).map((m) => m.ownerId), { timeout: 15_000 })
    .toEqual(['u-agent']);
});
