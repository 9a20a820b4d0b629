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
