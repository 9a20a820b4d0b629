import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ConsolePage } from './pages/console-page.js';
import { expect, test } from './support/stack-fixture.js';

async function wcagViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('agent@demo escalates with a reason; tier2@demo, in another console, is paged within 2 seconds and acknowledges; agent@demo sees who acknowledged', async ({ page, stack, browser }) => {
  // Two consoles and a server start, sign in and sync: more than one console's minute.
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'shiftdesk-e2e-tier2-'));
  const engineerContext = await browser.newContext();
  try {
    // Marta, tier 1, in her console.
    const agent = new ConsolePage(page);
    await agent.open(stack.consoleUrl);
    await agent.signIn('agent@demo');
    await agent.expectQueueLoaded(5);

    // Piotr, tier 2 and on call, in a console of his own on the same server.
    const engineerPage = await engineerContext.newPage();
    const engineer = new ConsolePage(engineerPage);
    await engineer.open(await stack.openConsole(join(root, 'console')));
    await engineer.signIn('tier2@demo');
    // His console has caught up with the desk (what a console open all night has long done).
    await engineer.expectQueueLoaded(1);
    await expect(engineerPage.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 15_000 });

    const row = agent.rows().first();
    const number = (await row.getAttribute('data-ticket-number'))!;
    await row.click();
    const pane = page.getByTestId('ticket-pane');
    await expect(pane).toContainText(`#${number}`);

    // The keyboard opens the dialog; the next tier is chosen and the reason is where typing goes.
    await pane.getByTestId('ticket-escalate').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Escalate #${number}` });
    await expect(dialog.getByRole('radio', { name: /Tier 2 — Network/ })).toBeChecked();
    const reason = dialog.getByRole('textbox', { name: 'Reason (required)' });
    await expect(reason).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Escalate' })).toBeDisabled();
    await expect(dialog.getByTestId('escalate-missing')).toHaveText('Write a reason to escalate.');
    expect(await wcagViolations(page)).toEqual([]);

    const why = `VPN tunnel drops every ten minutes since the firmware update ${Date.now()}`;
    await page.keyboard.type(why);
    await page.keyboard.press('Enter');
    const escalatedAt = Date.now();
    await expect(dialog).toBeHidden();

    // The pop-up: Piotr's card for this ticket, within two seconds of Marta pressing Enter.
    const card = engineerPage.locator(`[data-testid="page-card"][data-ticket-number="${number}"]`);
    await card.waitFor({ state: 'visible', timeout: 2_000 });
    expect(Date.now() - escalatedAt).toBeLessThan(2_000);
    await expect(card).toContainText(why);
    await expect(card).toContainText('Marta Nowak');
    await expect(card.getByTestId('page-card-countdown')).toHaveText(/Następny poziom za \d+:\d\d/);
    expect(await wcagViolations(engineerPage, '[data-testid="page-cards"]')).toEqual([]);

    // Meanwhile Marta's console says whom it pages.
    await expect(page.getByTestId('escalation-state').first()).toContainText('Paging Piotr Zieliński', { timeout: 10_000 });

    await card.getByRole('button', { name: 'Przyjmij' }).focus();
    await engineerPage.keyboard.press('Enter');
    await expect(card).toBeHidden();
    // Taking it opens the ticket, now in his queue.
    await expect(engineerPage.getByTestId('ticket-pane')).toContainText(`#${number}`);

    // Marta sees who acknowledged, and when, in her time zone (the ticket itself has left her queues).
    await expect(page.getByTestId('escalation-state').first()).toHaveText(/^Acknowledged by Piotr Zieliński at .+\d{1,2}:\d\d/, { timeout: 10_000 });
  } finally {
    await engineerContext.close();
    rmSync(root, { recursive: true, force: true });
  }
});
