import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import { callApi, loginAs } from '../src/server/testing/test-server.js';
import { openSyncSocket } from '../src/server/testing/test-socket.js';
import { newConsole, outDir, shoot, signIn } from './shoot.js';
import { startStack } from './stack.js';

/**
 * Refreshes the wallboard's screenshots in docs/screenshots/ from a fresh demo desk, at the two sizes
 * it must read well at: a 1920×1080 TV and a 1280×800 laptop, all panels and one kiosk panel. Agents
 * are brought online by connecting their sync sockets (as their consoles would), and two tickets are
 * escalated, so every panel has something to show.
 */
mkdirSync(outDir, { recursive: true });
const root = mkdtempSync(join(tmpdir(), 'shiftdesk-wallboard-shots-'));
const stack = await startStack({ serverPort: 0, consolePort: 0, serverData: join(root, 'server'), consoleData: join(root, 'console'), echo: false });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const sockets: Socket[] = [];
try {
  for (const email of ['agent@demo', 'agent2@demo', 'agent3@demo', 'tier2@demo']) sockets.push(await openSyncSocket(stack.serverUrl, email));
  const marta = await loginAs(stack.serverUrl, 'agent@demo');
  const { body: list } = await callApi<{ items: { id: string; queueId: string; status: string }[] }>(stack.serverUrl, '/api/v1/tickets?pageSize=100', { token: marta });
  const open = list.items.filter((ticket) => ticket.status === 'new' || ticket.status === 'open').slice(0, 2);
  const reasons = ['Customer’s office has been offline since the router firmware update; needs someone who can reach their edge router.', 'Card payments fail for every terminal in the shop since 09:00.'];
  for (const [index, ticket] of open.entries()) {
    await callApi(stack.serverUrl, `/api/v1/tickets/${ticket.id}/escalations`, { method: 'POST', token: marta, body: { tier: 2, reason: reasons[index] } });
  }

  const page = await newConsole(browser, stack.consoleUrl, 1920, 1080);
  await signIn(page, 'admin@demo');
  await page.getByTestId('more-tools-button').click();
  await page.getByTestId('wallboard-button').click();
  await page.getByTestId('wallboard-queues').waitFor();
  await page.waitForTimeout(500);
  await shoot(page, 'wallboard-1920');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(300);
  await shoot(page, 'wallboard-1280');

  // Kiosk mode at TV size: one panel at a time, larger; paused so the shot holds still.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('wallboard-kiosk').click();
  await page.getByTestId('wallboard-position').waitFor();
  await page.keyboard.press('p');
  await page.waitForTimeout(300);
  await shoot(page, 'wallboard-kiosk-queues');
  for (const panel of ['today', 'attention', 'breaches', 'agents']) {
    await page.keyboard.press('ArrowRight');
    await page.getByTestId(`wallboard-${panel}`).waitFor();
    await page.waitForTimeout(200);
    await shoot(page, `wallboard-kiosk-${panel}`);
  }
  console.log(`wallboard screenshots written to ${outDir}/`);
} finally {
  for (const socket of sockets) socket.disconnect();
  await browser.close();
  await stack.stop();
  rmSync(root, { recursive: true, force: true });
}
