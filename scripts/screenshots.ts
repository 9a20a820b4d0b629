import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { callApi, loginAs } from '../src/server/testing/test-server.js';
import { startStack } from './stack.js';

/** Refreshes docs/screenshots/ from a fresh demo desk, as an agent sees it in Debian's Chromium. */
const outDir = 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const root = mkdtempSync(join(tmpdir(), 'shiftdesk-shots-'));
const stack = await startStack({ serverPort: 0, consolePort: 0, serverData: join(root, 'server'), consoleData: join(root, 'console'), echo: false });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(stack.consoleUrl);
  await page.getByLabel(/email/i).waitFor();
  await page.screenshot({ path: join(outDir, 'login.png') });

  await page.getByLabel(/email/i).fill('agent@demo');
  await page.getByLabel(/password/i).fill('shiftdesk');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByTestId('queue-row').nth(20).waitFor();
  await page.screenshot({ path: join(outDir, 'queue.png') });

  await page.getByTestId('queue-row').first().click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, 'ticket.png') });
  // The timeline behind the clocks, as an agent opens it.
  await page.getByRole('button', { name: /why/i }).click();
  await page.getByTestId('sla-explanation').waitFor();
  await page.getByTestId('sla-explanation').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(outDir, 'ticket-why.png') });

  // The shift handoff panel with the night shift's notes.
  await page.getByTestId('handoff-button').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, 'handoff.png') });
  await page.getByTestId('handoff-button').click();

  // A server outage: the agent keeps writing, the banner says what waits.
  await stack.stopServer();
  await page.getByTestId('sync-banner').waitFor({ timeout: 15_000 });
  await page.getByLabel('Reply to the customer').fill('We are on it; next update within the hour.');
  await page.getByLabel('Reply to the customer').press('Control+Enter');
  await page.getByText('Waiting to send').waitFor();
  await page.screenshot({ path: join(outDir, 'offline.png') });
  await stack.restartServer();
  await page.getByTestId('sync-banner').waitFor({ state: 'hidden', timeout: 20_000 });

  // The same screen in Polish, to see that translated labels and plurals still fit.
  await page.locator('.language-switcher select').selectOption('pl');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, 'ticket-pl.png') });

  // A phone call logged on the open ticket, then the call in its thread.
  await page.locator('.language-switcher select').selectOption('en');
  await page.getByTestId('ticket-log-call').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Phone number').fill('+48 22 123 45 67');
  await dialog.getByLabel('What was said').fill('Walked her through re-pairing the card reader; payments go through again. She will keep an eye on it over the lunch rush.');
  await dialog.getByLabel('Duration').fill('4:32');
  await dialog.getByLabel('Outcome').selectOption('resolved');
  await page.screenshot({ path: join(outDir, 'phone-dialog.png') });
  await dialog.getByLabel('Duration').press('Enter');
  const call = page.getByTestId('call-summary').last();
  await call.waitFor();
  await call.evaluate((summary) => summary.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, 'phone-thread.png') });

  // The chat widget on a customer's web page: the assistant's suggestions, then an agent's live reply.
  const site = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await site.goto(`${stack.serverUrl}/chat/demo`);
  await site.getByRole('button', { name: 'Chat with us' }).click();
  await site.getByLabel('Your name').fill('Anna Kowalska');
  await site.getByLabel('Email (optional)').fill('anna@example.com');
  await site.getByRole('button', { name: 'Start chat' }).click();
  await site.getByLabel('Your message').fill('My VPN keeps disconnecting');
  await site.getByLabel('Your message').press('Enter');
  await site.getByRole('button', { name: 'Yes, solved' }).waitFor();
  await site.screenshot({ path: join(outDir, 'chat-suggestions.png') });
  await site.getByRole('button', { name: 'Talk to a person' }).click();
  const request = site.getByText(/^Request \d+$/);
  await request.waitFor();
  const agent = await loginAs(stack.serverUrl, 'agent@demo');
  const body = 'Hello Anna, thanks for waiting. I have reset your VPN profile; please sign out of the VPN client and sign in again.';
  await callApi(stack.serverUrl, `/api/v1/tickets/${(await request.textContent())!.replace(/\D/g, '')}/messages`, { method: 'POST', token: agent, body: { body } });
  await site.locator('[data-author="agent"]').waitFor();
  await site.waitForTimeout(300);
  await site.screenshot({ path: join(outDir, 'chat-agent-reply.png') });
  console.log(`screenshots written to ${outDir}/`);
} finally {
  await browser.close();
  await stack.stop();
  rmSync(root, { recursive: true, force: true });
}
