import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import SqliteDatabase from 'better-sqlite3';
import { createTransport } from 'nodemailer';
import { callApi, loginAs } from '../src/server/testing/test-server.js';
import { freePort } from '../tests/support/free-port.js';
import { chooseLanguage, newConsole, openMoreTools, outDir, shoot, signIn } from './shoot.js';
import { startStack } from './stack.js';

/**
 * Refreshes docs/screenshots/ from a fresh demo desk, as an agent sees it in Debian's Chromium: every
 * console screen as `<name>-dark.png` and `<name>-light.png` (scripts/shoot.ts); the customer's chat
 * widget and portal, which have one look, as `<name>.png`.
 */
mkdirSync(outDir, { recursive: true });
const root = mkdtempSync(join(tmpdir(), 'shiftdesk-shots-'));
// Mail comes in over SMTP, as from a customer's mail server: a thread with files and HTML, and a mail for quarantine.
const smtpPort = await freePort();
const stack = await startStack({
  serverPort: 0,
  consolePort: 0,
  serverData: join(root, 'server'),
  consoleData: join(root, 'console'),
  echo: false,
  serverEnv: { SHIFTDESK_SMTP_PORT: String(smtpPort), SHIFTDESK_SMTP_HOST: '127.0.0.1' },
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await newConsole(browser, stack.consoleUrl);
  await page.getByLabel(/email/i).waitFor();
  await shoot(page, 'login');

  await signIn(page, 'agent@demo');
  await page.getByTestId('queue-row').nth(20).waitFor();
  await shoot(page, 'queue');

  // The agent's own settings, then the queue in compact density.
  await page.getByTestId('settings-button').click();
  const settingsDialog = page.getByTestId('settings-dialog');
  await shoot(page, 'settings');
  await settingsDialog.getByRole('radio', { name: 'Compact' }).check();
  await page.keyboard.press('Escape');
  await shoot(page, 'queue-compact');
  await page.getByTestId('settings-button').click();
  await settingsDialog.getByRole('radio', { name: 'Comfortable' }).check();
  await page.keyboard.press('Escape');

  await page.getByTestId('queue-row').first().click();
  await page.waitForTimeout(500);
  await shoot(page, 'ticket');

  // The knowledge base beside the queue: search, then an article.
  await page.getByTestId('knowledge-button').click();
  const knowledge = page.getByTestId('knowledge-panel');
  await knowledge.getByRole('searchbox').fill('password');
  const hit = knowledge.locator('.knowledge-results__item').first();
  await hit.waitFor();
  await shoot(page, 'knowledge-base');
  await hit.click();
  await page.waitForTimeout(500);
  await shoot(page, 'knowledge-article');
  await page.getByTestId('knowledge-button').click();
  // The agent's macros, personal and shared.
  await page.getByTestId('macros-button').click();
  await page.getByTestId('macro-manager').waitFor();
  await page.waitForTimeout(300);
  await shoot(page, 'macros');
  await page.keyboard.press('Escape');
  // The timeline behind the clocks, as an agent opens it.
  await page.getByRole('button', { name: /^Why\?/ }).click();
  await page.getByTestId('sla-explanation').waitFor();
  await page.getByTestId('sla-explanation').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
  await shoot(page, 'ticket-why');

  // The shift handoff panel with the night shift's notes.
  await page.getByTestId('handoff-button').click();
  await page.waitForTimeout(500);
  await shoot(page, 'handoff');
  await page.getByTestId('handoff-button').click();

  // Who is on shift and on call now, per tier, with the agent's own shifts, in her time zone.
  await openMoreTools(page);
  await page.getByTestId('rota-button').click();
  await page.getByTestId('on-call-now').waitFor();
  await shoot(page, 'rota-on-call');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // A server outage: the agent keeps writing, the banner says what waits.
  await stack.stopServer();
  await page.getByTestId('sync-banner').waitFor({ timeout: 15_000 });
  await page.getByLabel('Reply to the customer').fill('We are on it; next update within the hour.');
  await page.getByLabel('Reply to the customer').press('Control+Enter');
  await page.getByText('Waiting to send').waitFor();
  await shoot(page, 'offline');
  await stack.restartServer();
  await page.getByTestId('sync-banner').waitFor({ state: 'hidden', timeout: 20_000 });

  // The same screen in Polish, to see that translated labels and plurals still fit.
  await chooseLanguage(page, 'pl');
  await page.waitForTimeout(300);
  await shoot(page, 'ticket-pl');

  // A phone call logged on the open ticket, then the call in its thread.
  await chooseLanguage(page, 'en');
  await page.getByTestId('ticket-log-call').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Phone number').fill('+48 22 123 45 67');
  await dialog.getByLabel('What was said').fill('Walked her through re-pairing the card reader; payments go through again. She will keep an eye on it over the lunch rush.');
  await dialog.getByLabel('Duration').fill('4:32');
  await dialog.getByLabel('Outcome').selectOption('resolved');
  await shoot(page, 'phone-dialog');
  await dialog.getByLabel('Duration').press('Enter');
  const call = page.getByTestId('call-summary').last();
  await call.waitFor();
  await call.evaluate((summary) => summary.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  await shoot(page, 'phone-thread');

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
  // A VPN question goes to Network by the demo's routing rules: its engineer answers.
  const agent = await loginAs(stack.serverUrl, 'tier2@demo');
  const body = 'Hello Anna, thanks for waiting. I have reset your VPN profile; please sign out of the VPN client and sign in again.';
  await callApi(stack.serverUrl, `/api/v1/tickets/${(await request.textContent())!.replace(/\D/g, '')}/messages`, { method: 'POST', token: agent, body: { body } });
  await site.locator('[data-author="agent"]').waitFor();
  await site.waitForTimeout(300);
  await site.screenshot({ path: join(outDir, 'chat-agent-reply.png') });
  // The customer portal: an article suggested while the subject is typed, the request's page, and the survey in Polish.
  const mailed = (kind: string, pattern: RegExp) => {
    const db = new SqliteDatabase(join(root, 'server', 'shiftdesk.sqlite'), { readonly: true });
    try {
      const { body } = db.prepare('select body from outbound_messages where kind = ? order by created_at desc').get(kind) as { body: string };
      const url = new URL(body.match(pattern)![0]);
      return `${stack.serverUrl}${url.pathname}${url.search}`;
    } finally {
      db.close();
    }
  };
  const portal = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await portal.goto(`${stack.serverUrl}/portal?lang=en`);
  await portal.getByLabel('Your name').fill('Anna Kowalska');
  await portal.getByLabel('Email address').fill('anna.portal@example.com');
  await portal.getByLabel('Subject').pressSequentially('VPN keeps disconnecting', { delay: 20 });
  await portal.locator('#suggestions li').first().waitFor();
  await portal.screenshot({ path: join(outDir, 'portal-suggestions.png') });
  await portal.getByLabel('Description').fill('Since Monday the VPN drops every ten minutes, on the office Wi-Fi and at home.');
  await portal.getByLabel('Attachments (optional)').setInputFiles({ name: 'vpn-client.log', mimeType: 'text/plain', buffer: Buffer.from('tunnel down: keepalive timeout') });
  await portal.getByRole('button', { name: 'Send request' }).click();
  const portalNumber = (await portal.getByTestId('request-number').textContent())!.replace(/\D/g, '');
  await portal.screenshot({ path: join(outDir, 'portal-thanks.png') });
  const portalAgent = await loginAs(stack.serverUrl, 'tier2@demo');
  await callApi(stack.serverUrl, `/api/v1/tickets/${portalNumber}/messages`, { method: 'POST', token: portalAgent, body: { body: 'Hello Anna, we have renewed your VPN profile. Could you sign out of the client and in again?', isPublic: true } });
  await portal.goto(`${stack.serverUrl}/portal/access`);
  await portal.getByLabel('Email address').fill('anna.portal@example.com');
  await portal.getByRole('button', { name: 'Email me a link' }).click();
  await portal.goto(mailed('portal.link', /https?:\/\/\S+\/portal\/link\/\S+/));
  await portal.getByRole('button', { name: 'Continue' }).click();
  await portal.goto(`${stack.serverUrl}/portal/requests/${portalNumber}`);
  await portal.screenshot({ path: join(outDir, 'portal-request.png'), fullPage: true });
  await callApi(stack.serverUrl, `/api/v1/tickets/${portalNumber}`, { method: 'PATCH', token: portalAgent, body: { status: 'solved' } });
  await portal.goto(`${mailed('status.solved', /https?:\/\/\S+\/portal\/survey\/\S+/)}&lang=pl`);
  await portal.getByLabel(/Zadowolony/).check();
  await portal.screenshot({ path: join(outDir, 'portal-survey-pl.png') });
  // An email with files and HTML in the thread, plain and formatted, then the admin's channel settings.
  const mail = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  const invoiceSubject = 'Invoice 2024/118 does not match the bank statement';
  await mail.sendMail({
    from: 'Zofia Wrona <zofia@kwiaty.example>',
    to: 'support@shiftdesk.local',
    subject: invoiceSubject,
    text: 'Hello,\n\ninvoice 2024/118 charges 1 240.00 EUR, but our bank statement shows 1 420.00 EUR taken. Both are attached, with the lines that differ:\n\nLicences (12 seats): 960.00 / 1 140.00\nSupport plan: 280.00 / 280.00\n\nCould you check and refund the difference?\n\nZofia Wrona\nKwiaty Wrona sp. z o.o.',
    html: '<p>Hello,</p><p>invoice <b>2024/118</b> charges <b>1&nbsp;240.00 EUR</b>, but our bank statement shows <b>1&nbsp;420.00 EUR</b> taken. Both are attached, with the lines that differ:</p><table><tr><th>Line</th><th>Invoice</th><th>Statement</th></tr><tr><td>Licences (12 seats)</td><td>960.00</td><td>1&nbsp;140.00</td></tr><tr><td>Support plan</td><td>280.00</td><td>280.00</td></tr></table><p>Could you check and refund the difference?</p><p>Zofia Wrona<br><i>Kwiaty Wrona sp. z o.o.</i></p>',
    attachments: [
      { filename: 'Wyciąg bankowy marzec.pdf', content: Buffer.alloc(48_213, 37), contentType: 'application/pdf' },
      { filename: 'faktura-2024-118.png', content: Buffer.alloc(182_400, 1), contentType: 'image/png' },
    ],
  });
  await mail.sendMail({ envelope: { from: 'mailer@broken.example', to: 'support@shiftdesk.local' }, raw: 'Subject: (no sender)\r\n\r\nThis mail has no From header.\r\n' });
  await page.getByTestId('queue-row').filter({ hasText: invoiceSubject }).click();
  const invoiceMail = page.locator('.message', { has: page.getByTestId('attachment') });
  const showMail = async (name: string) => {
    await invoiceMail.evaluate((message) => message.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    await shoot(page, name);
  };
  await showMail('thread-files');
  await invoiceMail.getByRole('button', { name: 'Formatted' }).click();
  await page.getByTestId('mail-frame').waitFor();
  await showMail('thread-html');

  // Routing: why a new mail went where it did, with every candidate's load at that moment.
  const routed = { subject: 'Faktura za listopad bez numeru NIP', body: 'Dzień dobry, na fakturze za listopad brakuje naszego numeru NIP. Proszę o korektę.' };
  await callApi(stack.serverUrl, '/api/v1/tickets', { method: 'POST', token: agent, body: { ...routed, requesterName: 'Anna Kowalska', requesterEmail: 'anna.kowalska@hurtownia-lux.example', channel: 'email' } });
  await page.getByTestId('queue-row').filter({ hasText: routed.subject }).click();
  await page.getByRole('button', { name: /Why here\?/ }).click();
  await page.getByTestId('routing-why').waitFor();
  await page.getByTestId('routing-why').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
  await shoot(page, 'routing-why');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'admin@demo');
  await page.getByTestId('queue-row').nth(20).waitFor();
  // (A ticket's assets and the remote-access settings: scripts/remote-screenshots.ts.)
  await openMoreTools(page);
  // The rota's editor: the demo's override and swap of the coming week.
  await page.getByTestId('rota-button').click();
  await page.getByRole('tab', { name: 'Overrides and swaps' }).click();
  await page.getByTestId('swap-row').waitFor();
  await shoot(page, 'rota-changes');
  await page.getByRole('tab', { name: 'Shift rotations' }).click();
  await page.getByRole('button', { name: /^Edit / }).first().click();
  await shoot(page, 'rota-editor');
  await page.getByRole('button', { name: 'Close shifts and on call' }).click();
  // Analytics over the demo desk: the last 7 days for the whole desk, then 30 days by queue, scrolled to the charts.
  await page.getByTestId('analytics-button').click();
  const analytics = page.getByTestId('analytics-dialog');
  await analytics.getByTestId('analytics-totals').waitFor({ timeout: 60_000 });
  await shoot(page, 'analytics');
  await analytics.getByLabel('Period', { exact: true }).selectOption('last30');
  await analytics.getByLabel('Group by', { exact: true }).selectOption('queue');
  await analytics.locator('[data-testid="analytics-totals"] thead th').nth(2).waitFor({ timeout: 60_000 });
  await analytics.getByTestId('analytics-chart').first().evaluate((chart) => chart.scrollIntoView({ block: 'start' }));
  await shoot(page, 'analytics-by-queue');
  await page.getByRole('button', { name: 'Close analytics' }).click();
  // Routing's settings: the ordered rules, and the agents' skills and capacity with their presence.
  await page.getByTestId('routing-settings-button').click();
  await page.getByTestId('routing-rules-version').waitFor();
  await shoot(page, 'routing-rules');
  await page.getByRole('tab', { name: 'Agents' }).click();
  await page.getByRole('row', { name: /Marta Nowak/ }).waitFor();
  await shoot(page, 'routing-agents');
  await page.getByRole('button', { name: 'Close routing' }).click();
  await page.getByTestId('channel-settings-button').click();
  const settings = page.getByRole('dialog', { name: 'Channel settings' });
  await settings.getByLabel('Name').fill('Shop contact form');
  await settings.getByRole('button', { name: 'Create integration' }).click();
  await settings.getByTestId('created-integration').waitFor();
  await shoot(page, 'channels-integrations');
  await settings.getByRole('button', { name: /^Done/ }).click();
  await settings.getByRole('tab', { name: 'Templates' }).click();
  await settings.getByLabel('Subject').fill('[#{{ticket.numbr}}] We have your request: {{ticket.subject}}');
  await settings.getByRole('button', { name: 'Save template' }).click();
  await settings.getByRole('alert').waitFor();
  await shoot(page, 'channels-templates');
  await settings.getByRole('tab', { name: 'Survey' }).click();
  await settings.getByTestId('survey-settings').waitFor();
  await shoot(page, 'channels-survey');
  // Russian, the longest labels, at 1280 px: the top bar (with More open) and the settings still fit.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1280, height: 800 });
  await chooseLanguage(page, 'ru');
  await openMoreTools(page);
  await shoot(page, 'queue-ru-1280');
  await page.getByTestId('channel-settings-button').click();
  await page.getByRole('tab', { name: 'Карантин' }).click();
  await page.getByTestId('quarantine-row').waitFor();
  await shoot(page, 'channels-quarantine-ru');

  // Escalation: Marta escalates with a reason in her console; Piotr, on call, gets the card in his (in Polish).
  const consoleFor = async (email: string, folder: string) => {
    const person = await newConsole(browser, await stack.openConsole(join(root, folder)));
    await signIn(person, email);
    return person;
  };
  const marta = await consoleFor('agent@demo', 'marta');
  const piotr = await consoleFor('tier2@demo', 'piotr');
  const escalated = marta.getByTestId('queue-row').filter({ hasText: 'VPN' }).first();
  await (await escalated.count() ? escalated : marta.getByTestId('queue-row').first()).click();
  await marta.getByTestId('ticket-escalate').click();
  const escalateDialog = marta.getByRole('dialog');
  await escalateDialog.getByRole('radio').first().waitFor();
  await shoot(marta, 'escalate-dialog-empty');
  await escalateDialog.getByRole('textbox').fill('Customer’s office has been offline since the router firmware update at 22:10; rebooting and a factory reset did not help. Needs someone who can reach their edge router.');
  await shoot(marta, 'escalate-dialog');
  await escalateDialog.getByRole('textbox').press('Enter');
  await piotr.getByTestId('page-card').first().waitFor();
  await piotr.waitForTimeout(500);
  await shoot(piotr, 'escalation-page-card-pl');
  await marta.getByText(/^Paging /).waitFor();
  await shoot(marta, 'escalation-paging');
  const card = piotr.getByTestId('page-card').first();
  await card.getByRole('button', { name: 'Odrzuć…' }).click();
  await shoot(piotr, 'escalation-decline-pl');
  await card.getByRole('button', { name: 'Wróć' }).click();
  await card.getByRole('button', { name: 'Przyjmij' }).click();
  await marta.getByText(/^Acknowledged by /).waitFor();
  await shoot(marta, 'escalation-acknowledged');
  // Where Marta stands by the rota now, what was held back, and her own settings.
  await marta.getByTestId('alerts-button').click();
  await marta.getByTestId('alerts-panel').waitFor();
  await marta.waitForTimeout(300);
  await shoot(marta, 'alerts-panel');
  console.log(`screenshots written to ${outDir}/`);
} finally {
  await browser.close();
  await stack.stop();
  rmSync(root, { recursive: true, force: true });
}
