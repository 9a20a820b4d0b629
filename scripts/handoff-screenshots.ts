import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { callApi, loginAs } from '../src/server/testing/test-server.js';
import { outDir, shoot } from './shoot.js';
import { startStack, type RunningStack } from './stack.js';

/**
 * Refreshes the shift handoff's screenshots in docs/screenshots/ from a fresh demo desk. The demo rota
 * ends no shift at a fixed hour, so a tier-2 rota of its own (in UTC) ends Piotr's shift in 20 minutes
 * and starts Sam's then: the draft is offered, and Sam takes the handover over.
 */
const MINUTE = 60_000;
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

async function tier2RotaEndingSoon(stack: RunningStack): Promise<void> {
  const end = Math.floor((Date.now() + 20 * MINUTE) / MINUTE) * MINUTE;
  const everyDay = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const shift = (id: string, name: string, from: number, to: number, member: string) => ({ id, name, timeZone: 'UTC', start: hhmm(from), end: hhmm(to), weekdays: everyDay, memberIds: [member] });
  const reply = await callApi(stack.serverUrl, '/api/v1/shift-rotations', {
    method: 'POST',
    token: await loginAs(stack.serverUrl, 'admin@demo'),
    body: { id: 'tier2-desk', name: 'Tier 2 desk', tier: 2, queueIds: ['network', 'platform'], shifts: [shift('early', 'Early', end - 4 * 60 * MINUTE, end, 'u-tier2'), shift('late', 'Late', end, end + 8 * 60 * MINUTE, 'u-tier3')] },
  });
  if (reply.status !== 201) throw new Error(`the tier-2 rota was refused: ${JSON.stringify(reply.body)}`);
}

async function signedIn(browser: Browser, url: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(url);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill('shiftdesk');
  await page.getByRole('button', { name: /sign in/i }).click();
  return page;
}

mkdirSync(outDir, { recursive: true });
const root = mkdtempSync(join(tmpdir(), 'shiftdesk-handoff-shots-'));
const stack = await startStack({ serverPort: 0, consolePort: 0, serverData: join(root, 'server'), consoleData: join(root, 'console'), echo: false });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
try {
  await tier2RotaEndingSoon(stack);

  // Piotr, in Polish: the draft offered before his shift ends, filled from his replica.
  const piotr = await signedIn(browser, stack.consoleUrl, 'tier2@demo');
  await piotr.getByTestId('shift-end-prompt').getByRole('button').click();
  await piotr.getByTestId('handoff-form-shift').waitFor();
  await piotr.waitForTimeout(500);
  await shoot(piotr, 'handoff-draft-pl');
  await piotr.getByTestId('handoff-form').getByRole('combobox').selectOption({ index: 0 });
  await piotr.getByTestId('handoff-form').getByRole('textbox').press('Control+End');
  await piotr.keyboard.type('Core router firmware rollback planned for 02:00; vendor ticket VND-4471.');
  await piotr.keyboard.press('Control+Enter');
  await piotr.getByTestId('shift-end-prompt').waitFor({ state: 'hidden' });

  // Sam, coming on: the handover is what he sees first.
  const sam = await signedIn(browser, await stack.openConsole(join(root, 'sam')), 'tier3@demo');
  await sam.getByTestId('incoming-handoffs').waitFor();
  await sam.waitForTimeout(500);
  await shoot(sam, 'handoff-incoming');

  // Ewa, supervising, in Polish: the demo's latest tier-1 handover, when nobody took it over in time.
  const ewa = await signedIn(browser, await stack.openConsole(join(root, 'ewa')), 'supervisor@demo');
  const alert = ewa.getByTestId('overdue-handovers');
  if (await alert.waitFor({ timeout: 15_000 }).then(() => true, () => false)) {
    await alert.getByRole('button').first().click();
    await ewa.waitForTimeout(500);
    await shoot(ewa, 'handoff-alert-pl');
  } else {
    console.log('no handover is overdue at this hour (the tier-1 queues are unstaffed at night): handoff-alert-pl-*.png kept as they were');
  }
  console.log(`handoff screenshots written to ${outDir}/`);
} finally {
  await browser.close();
  await stack.stop();
  rmSync(root, { recursive: true, force: true });
}
