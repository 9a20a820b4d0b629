import { readFile } from 'node:fs/promises';
import { DEMO_INTAKE_TOKEN, DEMO_WEBHOOK_SECRET } from '../../src/server/intake/integrations.js';
import { signWebhook } from '../../src/server/intake/webhook/signature.js';
import { ConsolePage } from './pages/console-page.js';
import { seriousViolations } from './support/axe.js';
import { expect, test } from './support/stack-fixture.js';

/** A message from a social bridge, posted and signed as the demo's webhook integration does. */
async function postWebhook(serverUrl: string, message: unknown) {
  const raw = JSON.stringify(message);
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${serverUrl}/api/v1/intake/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${DEMO_INTAKE_TOKEN}`,
      'x-shiftdesk-timestamp': String(timestamp),
      'x-shiftdesk-signature': signWebhook(DEMO_WEBHOOK_SECRET, timestamp, raw),
    },
    body: raw,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { number: number };
}

test('an admin creates an integration and sees its token once, meets a template’s unknown placeholder, all from the keyboard; the screen passes axe', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('admin@demo');
  await desk.expectQueueLoaded(10);

  await desk.openMoreTools();
  const button = page.getByRole('button', { name: 'Channels' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Channel settings' });
  await expect(dialog.getByRole('tab', { name: 'Integrations' })).toBeFocused();
  await expect(dialog.getByRole('cell', { name: 'Demo integrations', exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Shop contact form');
  await dialog.getByRole('button', { name: 'Create integration' }).click();
  const created = dialog.getByTestId('created-integration');
  await expect(created.getByRole('alert')).toContainText('shown only this once');
  const token = await created.getByRole('textbox', { name: 'Token' }).inputValue();
  expect(token).toMatch(/^sdi_/);
  await expect(created.getByRole('textbox', { name: 'Signing secret' })).toHaveValue(/^sdw_/);
  expect(await seriousViolations(page)).toEqual([]);

  await created.getByRole('button', { name: /^Done/ }).click();
  await expect(created).toBeHidden();
  await expect(dialog.getByTestId('integration-row').filter({ hasText: 'Shop contact form' })).toContainText('Signed webhook');
  expect(await dialog.textContent()).not.toContain(token);

  // Right arrow from the tabs: the templates; an unknown placeholder comes back in the server's words.
  await dialog.getByRole('tab', { name: 'Integrations' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('tab', { name: 'Templates' })).toBeFocused();
  const editor = dialog.getByTestId('template-editor');
  await editor.getByLabel('Subject').fill('[#{{ticket.numbr}}] We have your request');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(editor.getByRole('alert')).toContainText('unknown placeholder {{ticket.numbr}}');
  await expect(editor.getByLabel('Subject')).toHaveValue('[#{{ticket.numbr}}] We have your request');
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('an agent downloads a webhook message’s attachment and its original, and is told plainly when the server is away', async ({ page, stack }) => {
  const subject = `Parcel never arrived ${Date.now()}`;
  const screenshot = Buffer.from('\x89PNG\r\n\x1a\n a photo of the empty parcel box');
  await postWebhook(stack.serverUrl, {
    conversationId: `fb-${Date.now()}`,
    source: 'facebook',
    author: { name: 'Jānis Ozols', handle: '@janis.ozols' },
    subject,
    text: 'The tracking page says delivered, but nothing came. Photo of the mailbox attached.',
    attachments: [{ filename: 'pastkaste.png', contentType: 'image/png', contentBase64: screenshot.toString('base64') }],
  });

  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.expectQueueLoaded(10);
  await expect(page.getByRole('button', { name: 'Channels' })).toHaveCount(0);
  await desk.rows().filter({ hasText: subject }).click();
  const pane = page.getByTestId('ticket-pane');
  await expect(pane.getByText('Jānis Ozols (no email address)')).toBeVisible();

  const attachment = pane.getByTestId('attachment');
  await expect(attachment).toHaveText(/PNG\s*pastkaste\.png\s*\d+ bytes\s*Download/);
  const [download] = await Promise.all([page.waitForEvent('download'), attachment.getByRole('button', { name: /^Download pastkaste\.png/ }).click()]);
  expect(download.suggestedFilename()).toBe('pastkaste.png');
  expect(await readFile((await download.path())!)).toEqual(screenshot);

  const [original] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: /^View original/ }).click()]);
  expect(original.suggestedFilename()).toMatch(/^ticket-\d+-[0-9a-f]{8}\.json$/);
  expect(JSON.parse(await readFile((await original.path())!, 'utf8'))).toMatchObject({ source: 'facebook', subject });

  await stack.stopServer();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline', { timeout: 15_000 });
  await attachment.getByRole('button', { name: /^Download pastkaste\.png/ }).click();
  await expect(attachment.getByRole('alert')).toHaveText('Attachments need the server; it is not reachable. Try again once the connection is back.');
});
