import { AxeBuilder } from '@axe-core/playwright';
import { ConsolePage } from './pages/console-page.js';
import { expect, test } from './support/stack-fixture.js';

async function wcagViolations(page: import('@playwright/test').Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('login, queue and ticket screens pass WCAG 2 A/AA checks and work from the keyboard', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await page.getByLabel(/email/i).waitFor();
  expect(await wcagViolations(page)).toEqual([]);

  // Sign in without the mouse: type, Tab, type, Enter.
  await page.getByLabel(/email/i).focus();
  await page.keyboard.type('agent@demo');
  await page.keyboard.press('Tab');
  await page.keyboard.type('shiftdesk');
  await page.keyboard.press('Enter');
  await desk.expectQueueLoaded(50);
  expect(await wcagViolations(page)).toEqual([]);

  // The table takes focus; arrows move the selection and Enter opens the ticket.
  await page.getByRole('grid').focus();
  await page.keyboard.press('ArrowDown');
  const selected = page.locator('[data-testid="queue-row"][aria-selected="true"]');
  const number = await selected.getAttribute('data-ticket-number');
  expect(number).toMatch(/^\d+$/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-pane')).toContainText(`#${number}`);
  expect(await wcagViolations(page)).toEqual([]);
});

test('the shift handoff panel passes WCAG 2 A/AA checks and is written and closed from the keyboard', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await page.getByLabel(/email/i).fill('agent@demo');
  await page.getByLabel(/password/i).fill('shiftdesk');
  await page.getByLabel(/password/i).press('Enter');
  await desk.expectQueueLoaded(10);

  const button = page.getByTestId('handoff-button');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText(/Notes ·/)).toBeVisible();
  expect(await wcagViolations(page)).toEqual([]);

  // Write a note from the keyboard: the text box, then Ctrl+Enter leaves it for the next shift.
  const note = `Printer in Riga is out of toner ${Date.now()}`;
  await page.getByPlaceholder(/next shift need to know/i).focus();
  await page.keyboard.type(note);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(note)).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
});
