import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ConsolePage } from './pages/console-page.js';
import { expect, test } from './support/stack-fixture.js';

async function api(serverUrl: string, email: string) {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'shiftdesk' }) });
  const { token } = (await login.json()) as { token: string };
  return { get: async <T>(path: string) => (await (await fetch(`${serverUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T };
}

interface ServerTicket {
  id: string;
  number: number;
  status: string;
  requesterName: string;
  tags: string[];
}

/**
 * Opens a ticket by its link (the page loads again), then puts away the start-of-shift handovers the
 * demo desk shows again on load (Escape closes the dialog in any language), so the keys reach the ticket.
 */
async function openTicket(page: Page, consoleUrl: string, number: number): Promise<void> {
  await page.goto(new URL(`/?ticket=${number}`, consoleUrl).toString());
  await expect(page.getByTestId('ticket-pane').locator('.ticket__number')).toHaveText(`#${number}`, { timeout: 15_000 });
  await expect(page.getByTestId('handoff-button')).toHaveAttribute('data-shift-read', 'true', { timeout: 15_000 });
  if (await page.getByTestId('incoming-handoffs').isVisible()) await page.keyboard.press('Escape');
  await expect(page.getByTestId('incoming-handoffs')).toBeHidden();
}

/** An open Billing ticket: Marta (General and Billing) and Olga (Billing) both work it. */
async function billingTicket(serverUrl: string): Promise<ServerTicket> {
  const { items } = await (await api(serverUrl, 'agent3@demo')).get<{ items: ServerTicket[] }>('/api/v1/tickets?queueId=billing&status=open&pageSize=1');
  return items[0]!;
}

test('a macro with placeholders and a status, a tag and a file go out in one send; the thread shows the file and who changed what', async ({ page, stack }) => {
  const ticket = await billingTicket(stack.serverUrl);
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.expectQueueLoaded(20);
  await openTicket(page, stack.consoleUrl, ticket.number);
  const pane = page.getByTestId('ticket-pane');

  // A tag from the keyboard.
  const tags = pane.getByRole('textbox', { name: 'Tags' });
  await tags.fill('Needs-Logs');
  await tags.press('Enter');
  await expect(pane.getByTestId('ticket-tags')).toContainText('needs-logs');

  // The macro, found by words of its text, with the keyboard only.
  const reply = pane.getByLabel('Reply to the customer');
  await reply.click();
  await reply.press('Control+Shift+M');
  const search = page.getByRole('combobox', { name: 'Search macros by name or text' });
  await expect(search).toBeFocused();
  await search.fill('screenshot of the error');
  await expect(page.getByRole('listbox', { name: 'Insert a macro' }).getByRole('option')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('ticket-macro-picker.png') });
  await search.press('Enter');
  await expect(reply).toHaveValue(new RegExp(`^Hi ${ticket.requesterName},\\n\\nTo move ticket ${ticket.number} forward`));
  await expect(reply).toHaveValue(/\n\nMarta Nowak$/);
  await expect(pane.getByTestId('staged-actions')).toContainText('Status → Pending');

  // A file, kept by the core for the draft.
  const log = test.info().outputPath('vpn-client.log');
  writeFileSync(log, 'connect: timeout after 30 s\n');
  await pane.locator('input[type="file"]').setInputFiles(log);
  await expect(pane.getByTestId('draft-files')).toContainText('vpn-client.log');
  await page.screenshot({ path: test.info().outputPath('ticket-composer-staged.png') });

  await reply.press('Control+Enter');
  await expect(reply).toHaveValue('');
  await expect(pane.getByTestId('status-select')).toHaveValue('pending');
  // Confirmed by the server: the history line and the file on the message, downloadable.
  await expect(pane.locator('.thread-event', { hasText: 'Status: Open → Pending' })).toBeVisible({ timeout: 20_000 });
  await expect(pane.locator('.thread-event', { hasText: 'Tag added: needs-logs' })).toBeVisible();
  const sent = pane.locator('[data-message-kind="agent"]', { hasText: 'To move ticket' });
  await expect(sent.getByText('vpn-client.log')).toBeVisible();
  await expect(sent.getByTestId('message-pending')).toHaveCount(0, { timeout: 20_000 });
  await pane.locator('.thread-event', { hasText: 'Status: Open → Pending' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('ticket-sent.png') });

  const server = await api(stack.serverUrl, 'agent@demo');
  const detail = await server.get<{ ticket: ServerTicket; messages: { body: string; attachments?: { filename: string; size: number }[] }[] }>(`/api/v1/tickets/${ticket.id}`);
  expect(detail.ticket.status).toBe('pending');
  expect(detail.ticket.tags).toContain('needs-logs');
  const message = detail.messages.find((m) => m.body.includes('To move ticket'))!;
  expect(message.body).not.toContain('{{');
  expect(message.attachments).toEqual([expect.objectContaining({ filename: 'vpn-client.log', size: 28 })]);
});

test('two agents on the same ticket see each other viewing, then replying', async ({ browser, page, stack }) => {
  // Two consoles each sync the demo desk before they show a ticket.
  test.setTimeout(180_000);
  const ticket = await billingTicket(stack.serverUrl);
  const marta = new ConsolePage(page);
  await marta.open(stack.consoleUrl);
  await marta.signIn('agent@demo');
  await openTicket(page, stack.consoleUrl, ticket.number);

  const olgaConsole = await stack.openConsole(test.info().outputPath('olga-console'));
  const olgaPage = await (await browser.newContext()).newPage();
  const olga = new ConsolePage(olgaPage);
  await olga.open(olgaConsole);
  await olga.signIn('agent3@demo');
  await openTicket(olgaPage, olgaConsole, ticket.number);

  await expect(page.getByTestId('presence-notice')).toHaveText(/Olga Smirnova is viewing this ticket/, { timeout: 15_000 });
  // Olga's console speaks Russian, as her profile says.
  await expect(olgaPage.getByTestId('presence-notice')).toHaveText(/Marta Nowak просматривает эту заявку/);

  const olgaReply = olgaPage.getByLabel('Ответ клиенту');
  await olgaReply.pressSequentially('Добрый день');
  await expect(olgaReply).toHaveValue('Добрый день');
  await expect(page.getByTestId('presence-notice')).toHaveText(/Olga Smirnova is replying/);
  await page.screenshot({ path: test.info().outputPath('ticket-presence.png') });

  // Olga closes the ticket: Marta is told at once.
  await olgaPage.getByRole('button', { name: 'Закрыть заявку' }).click();
  await expect(page.getByTestId('presence-notice')).toHaveText('', { timeout: 15_000 });
});
