import type { Page } from '@playwright/test';
import { callApi, loginAs } from '../../src/server/testing/test-server.js';
import { ConsolePage } from './pages/console-page.js';
import { seriousViolations } from './support/axe.js';
import { expect, test } from './support/stack-fixture.js';

// A whole demo desk, a browser and axe: slow on a busy build machine.
test.setTimeout(120_000);

type Message = { authorKind: string; isPublic: boolean; body: string };

/** The browser host has no shell: the page opens a session's link itself. Here it only records it. */
async function recordOpenedLinks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const opened: string[] = [];
    (window as unknown as { openedLinks: string[] }).openedLinks = opened;
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
}

const openedLinks = (page: Page) => page.evaluate(() => (window as unknown as { openedLinks: string[] }).openedLinks);

/** A new ticket from a requester, as the mail intake would open it; the admin (in English) sees every queue. */
async function ticketFrom(serverUrl: string, requesterName: string, requesterEmail: string, subject: string): Promise<{ id: string; number: number }> {
  const token = await loginAs(serverUrl, 'admin@demo');
  const created = await callApi<{ ticket: { id: string; number: number } }>(serverUrl, '/api/v1/tickets', { method: 'POST', token, body: { subject, body: 'Could someone connect and have a look, please?', requesterName, requesterEmail } });
  expect(created.status).toBe(201);
  return created.body.ticket;
}

test('a ticket lists its requester’s assets; opening one from the keyboard notes the session in the thread, and the server has it', async ({ page, stack }) => {
  await recordOpenedLinks(page);
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('admin@demo');
  await desk.expectQueueLoaded(10);
  const ticket = await ticketFrom(stack.serverUrl, 'Jānis Bērziņš', 'janis.berzins@baltic-freight.example', 'Riga office: the router drops every few minutes');
  await desk.row(ticket.number).click();

  const assets = page.getByTestId('ticket-assets');
  await expect(assets.getByRole('heading')).toHaveText('Assets · 3 assets');
  await expect(assets.getByTestId('ticket-asset')).toHaveText([/Jānis Bērziņš’s laptop/, /Riga office router/, /Riga VPN gateway/]);
  await expect(assets).toContainText('ssh://netadmin@gw.riga.baltic-freight.example:22');
  expect(await seriousViolations(page, '[data-testid="ticket-assets"]')).toEqual([]);

  const open = assets.getByRole('button', { name: 'Open Riga office router via SSH' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('remote-outcome')).toHaveText('SSH session to Riga office router opened in the browser; it is noted on the ticket.');
  expect(await openedLinks(page)).toEqual(['ssh://netadmin@gw.riga.baltic-freight.example:22']);
  const note = /^Remote session to Riga office router via SSH started by Alex Morgan at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/;
  await expect(page.getByTestId('ticket-pane').getByText(note)).toBeVisible();

  const token = await loginAs(stack.serverUrl, 'admin@demo');
  await expect
    .poll(async () => (await callApi<{ messages: Message[] }>(stack.serverUrl, `/api/v1/tickets/${ticket.id}`, { token })).body.messages.filter((message) => note.test(message.body)), { timeout: 15_000 })
    .toEqual([expect.objectContaining({ authorKind: 'system', isPublic: false })]);
});

test('a host the allowlist does not name has no button, and the core refuses it even when asked directly; nothing is noted', async ({ page, stack }) => {
  await recordOpenedLinks(page);
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('admin@demo');
  await desk.expectQueueLoaded(10);
  const ticket = await ticketFrom(stack.serverUrl, 'Сергей Волков', 'volkov@tehnopark-volga.example', 'Файловый сервер не отвечает');
  await desk.row(ticket.number).click();

  const fileServer = page.getByTestId('ticket-asset').filter({ hasText: 'File server' });
  await expect(fileServer).toContainText('SSH: blocked — the host fs01.tehnopark-volga.example is not on the allowlist');
  await expect(fileServer.getByRole('button')).toHaveCount(0);

  const token = await loginAs(stack.serverUrl, 'admin@demo');
  const listed = await callApi<{ items: { id: string; name: string }[] }>(stack.serverUrl, '/api/v1/remote/assets?domain=tehnopark-volga.example', { token });
  const assetId = listed.body.items.find((asset) => asset.name === 'File server')!.id;
  const answer = await page.evaluate(
    ([ticketId, id]) => (window as unknown as { desk: { invoke(method: string, input: unknown): Promise<unknown> } }).desk.invoke('remote.open', { ticketId, assetId: id, access: 0 }),
    [ticket.id, assetId] as const,
  );
  expect(answer).toEqual({ ok: true, value: { status: 'blocked', problem: 'host_not_allowed', detail: 'fs01.tehnopark-volga.example' } });
  expect(await openedLinks(page)).toEqual([]);
  const thread = await callApi<{ messages: Message[] }>(stack.serverUrl, `/api/v1/tickets/${ticket.id}`, { token });
  expect(thread.body.messages.filter((message) => message.body.startsWith('Remote session'))).toEqual([]);
});

test('an admin allows a new customer’s hosts from the keyboard, and the server has the new version', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('admin@demo');
  await desk.openMoreTools();
  const button = page.getByRole('button', { name: 'Remote access' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Remote access' });
  await expect(dialog.getByRole('tab', { name: 'Tools' })).toBeFocused();
  await expect(dialog.getByTestId('remote-tool')).toHaveCount(4);
  await expect(dialog.getByRole('textbox', { name: 'URL pattern' }).first()).toHaveValue('ssh://{user}@{host}:{port}');
  expect(await seriousViolations(page, '[data-testid="remote-settings"]')).toEqual([]);

  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('tab', { name: 'Allowlist' })).toBeFocused();
  const hosts = dialog.getByRole('textbox', { name: 'Allowed hosts, one per line' });
  await hosts.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n*.tehnopark-volga.example');
  const probe = dialog.getByRole('textbox', { name: 'Try a host' });
  await probe.fill('fs01.tehnopark-volga.example');
  await expect(dialog.getByText('fs01.tehnopark-volga.example is allowed.')).toBeVisible();
  expect(await seriousViolations(page, '[data-testid="remote-settings"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Saved as version 2. Every console checks links with it from now on.')).toBeVisible();

  const token = await loginAs(stack.serverUrl, 'admin@demo');
  const settings = await callApi<{ version: number; document: { allowlist: { hosts: string[] } } }>(stack.serverUrl, '/api/v1/remote/settings', { token });
  expect(settings.body.version).toBe(2);
  expect(settings.body.document.allowlist.hosts).toContain('*.tehnopark-volga.example');
});
