import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import SqliteDatabase from 'better-sqlite3';
import { launchTs } from '../../scripts/processes.js';
import type { DeflectionReport } from '../../src/shared/portal/deflection.js';
import type { TicketDetail } from '../../src/shared/domain/ticket.js';
import { callApi, loginAs } from '../../src/server/testing/test-server.js';

/**
 * The portal needs only the server (with demo data), not the console: a process of its own per test,
 * whose data folder the test may read, as a mail client would, for the links the desk mails.
 */
const test = base.extend<{ desk: { url: string; mail: (ticketId: string, kind: string) => string } }>({
  desk: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'shiftdesk-portal-e2e-'));
      const server = launchTs('src/server/main.ts', { SHIFTDESK_PORT: '0', SHIFTDESK_DATA: dataDir }, { echo: false });
      const [, url] = await server.waitForLine(/server listening on (\S+)/);
      const mail = (ticketId: string, kind: string) => {
        const db = new SqliteDatabase(join(dataDir, 'shiftdesk.sqlite'), { readonly: true });
        try {
          const row = db.prepare('select body from outbound_messages where ticket_id = ? and kind = ? order by created_at desc').get(ticketId, kind) as { body: string } | undefined;
          if (!row) throw new Error(`no ${kind} mail for ticket ${ticketId}`);
          return row.body;
        } finally {
          db.close();
        }
      };
      await use({ url: url!, mail });
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'test' },
  ],
});

/** Serious and critical WCAG 2 A/AA violations on the page. */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a customer sees an article suggested as they type, sends a request with a file, and rates the help once it is solved', async ({ page, desk }) => {
  await page.goto(`${desk.url}/portal?lang=en`);
  await expect(page.getByRole('heading', { name: 'How can we help?' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByLabel('Your name').fill('Anna Kowalska');
  await page.getByLabel('Email address').fill('anna.e2e@example.com');
  await page.getByLabel('Subject').pressSequentially('I forgot my password', { delay: 30 });
  const suggestion = page.locator('#suggestions').getByRole('link', { name: 'How to reset your password' });
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toHaveAttribute('href', '/portal/kb/kb-reset-password-en');

  await page.getByLabel('Description').fill('The reset mail never arrives, and I have tried twice.');
  await page.getByLabel('Attachments (optional)').setInputFiles({ name: 'bounce.txt', mimeType: 'text/plain', buffer: Buffer.from('550 mailbox unavailable') });
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you, we have your request' })).toBeVisible();
  const number = (await page.getByTestId('request-number').textContent())!.replace(/\D/g, '');
  await expect(page.getByTestId('acknowledgement')).toContainText(`Your request has the number ${number}`);

  // The agent side: the ticket came in on the web channel with the file, and is solved.
  const admin = await loginAs(desk.url, 'admin@demo');
  const { body: detail } = await callApi<TicketDetail>(desk.url, `/api/v1/tickets/${number}`, { token: admin });
  expect(detail.ticket.channel).toBe('web');
  expect(detail.messages[0]!.attachments?.map((a) => a.filename)).toEqual(['bounce.txt']);
  expect((await callApi(desk.url, `/api/v1/tickets/${number}`, { method: 'PATCH', token: admin, body: { status: 'solved' } })).status).toBe(200);

  // The deflection report saw this visit: suggestions shown, the form sent.
  await expect
    .poll(async () => (await callApi<DeflectionReport>(desk.url, '/api/v1/admin/portal/deflection', { token: admin })).body)
    .toMatchObject({ visits: 1, visitsWithSuggestions: 1, submitted: 1, deflected: 0 });

  // The solved notice links to the survey on the address the server listens on (no public address is
  // configured, and port 0 picked one), and the customer opens it as mailed.
  const link = desk.mail(detail.ticket.id, 'status.solved').match(/https?:\/\/\S+\/portal\/survey\/\S+/)![0];
  expect(new URL(link).origin).toBe(new URL(desk.url).origin);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'How did we do?' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByLabel(/Very satisfied/).check();
  await page.getByLabel('Anything you would like to tell us? (optional)').fill('Fixed within the hour, thank you.');
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your answer' })).toBeVisible();

  const after = (await callApi<TicketDetail>(desk.url, `/api/v1/tickets/${number}`, { token: admin })).body;
  expect(after.messages.at(-1)).toMatchObject({ body: 'Satisfaction: 5/5 — "Fixed within the hour, thank you."', isPublic: false, authorKind: 'system' });

  // Answering again changes nothing.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'You have already answered' })).toBeVisible();
});
