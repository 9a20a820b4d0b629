import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { callApi, loginAs } from '../src/server/testing/test-server.js';
import { startStack, type RunningStack } from './stack.js';

/**
 * Refreshes remote assistance's screenshots in docs/screenshots/ from a fresh demo desk: a Baltic
 * Freight ticket's assets after a session to the Riga router was opened (both themes), Tekhnopark
 * Volga's file server that the allowlist refuses, and the admins' Tools and Allowlist tabs.
 */
const outDir = 'docs/screenshots';

async function signedIn(browser: Browser, url: string, email: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme })).newPage();
  // The browser host opens a session's link itself; here nothing should leave the page.
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await page.goto(url);
  // One console per demo desk: a second page finds it signed in already.
  const emailField = page.getByLabel(/email/i);
  await Promise.race([emailField.waitFor(), page.getByTestId('queue-row').first().waitFor()]);
  if (await emailField.isVisible()) {
    await emailField.fill(email);
    await page.getByLabel(/password/i).fill('shiftdesk');
    await page.getByRole('button', { name: /sign in/i }).click();
  }
  const incoming = page.getByTestId('incoming-handoffs');
  await page.getByTestId('queue-row').first().waitFor();
  if (await incoming.isVisible()) await incoming.getByRole('button', { name: 'Later' }).click();
  return page;
}

async function ticketFrom(stack: RunningStack, requesterName: string, requesterEmail: string, subject: string): Promise<number> {
  const token = await loginAs(stack.serverUrl, 'admin@demo');
  const created = await callApi<{ ticket: { number: number } }>(stack.serverUrl, '/api/v1/tickets', { method: 'POST', token, body: { subject, body: 'Could someone connect and have a look, please?', requesterName, requesterEmail } });
  if (created.status !== 201) throw new Error(`the ticket was refused: ${JSON.stringify(created.body)}`);
  return created.body.ticket.number;
}

async function openTicket(page: Page, number: number): Promise<void> {
  await page.locator(`[data-testid="queue-row"][data-ticket-number="${number}"]`).click();
  await page.getByTestId('ticket-assets').waitFor();
  await page.getByTestId('ticket-assets').evaluate((section) => section.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
}

mkdirSync(outDir, { recursive: true });
const root = mkdtempSync(join(tmpdir(), 'shiftdesk-remote-shots-'));
const stack = await startStack({ serverPort: 0, consolePort: 0, serverData: join(root, 'server'), consoleData: join(root, 'console'), echo: false });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
try {
  const riga = await ticketFrom(stack, 'Jānis Bērziņš', 'janis.berzins@baltic-freight.example', 'Riga office: the router drops every few minutes');
  const volga = await ticketFrom(stack, 'Сергей Волков', 'volkov@tehnopark-volga.example', 'Файловый сервер не отвечает');

  for (const theme of ['dark', 'light'] as const) {
    const page = await signedIn(browser, stack.consoleUrl, 'admin@demo', theme);
    await openTicket(page, riga);
    if (theme === 'dark') {
      await page.getByRole('button', { name: 'Open Riga office router via SSH' }).click();
      await page.getByTestId('remote-outcome').filter({ hasText: /noted on the ticket/ }).waitFor();
      await page.waitForTimeout(500);
      // The thread scrolls to the note: the session as the thread shows it.
      await page.screenshot({ path: join(outDir, 'remote-note.png') });
      await page.getByTestId('ticket-assets').evaluate((section) => section.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
    }
    await page.screenshot({ path: join(outDir, `remote-assets-${theme}.png`) });
    if (theme === 'dark') {
      await openTicket(page, volga);
      await page.screenshot({ path: join(outDir, 'remote-blocked.png') });
      await page.getByRole('button', { name: 'More' }).click();
      await page.getByRole('button', { name: 'Remote access' }).click();
      await page.getByTestId('remote-tool').first().waitFor();
      await page.screenshot({ path: join(outDir, 'remote-settings-tools.png') });
      await page.getByRole('tab', { name: 'Allowlist' }).click();
      await page.getByRole('textbox', { name: 'Try a host' }).fill('fs01.tehnopark-volga.example');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(outDir, 'remote-settings-allowlist.png') });
    }
    await page.context().close();
  }
} finally {
  await browser.close();
  await stack.stop();
  rmSync(root, { recursive: true, force: true });
}
