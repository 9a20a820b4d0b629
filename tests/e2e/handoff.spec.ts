import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callApi, loginAs } from '../../src/server/testing/test-server.js';
import { ConsolePage } from './pages/console-page.js';
import { seriousViolations } from './support/axe.js';
import { expect, test } from './support/stack-fixture.js';

const MINUTE = 60_000;
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/**
 * A tier-2 desk rota of the test's own, in UTC, so it does not hang on the hour: Piotr's shift ends in
 * 20 minutes (inside the 30 minutes the draft is offered in), and Sam's starts then.
 */
async function rotaEndingSoon(serverUrl: string): Promise<{ end: number }> {
  const end = Math.floor((Date.now() + 20 * MINUTE) / MINUTE) * MINUTE;
  const everyDay = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const created = await callApi(serverUrl, '/api/v1/shift-rotations', {
    method: 'POST',
    token: await loginAs(serverUrl, 'admin@demo'),
    body: {
      id: 'tier2-desk',
      name: 'Tier 2 desk',
      tier: 2,
      queueIds: ['network', 'platform'],
      shifts: [
        { id: 'early', name: 'Early', timeZone: 'UTC', start: hhmm(end - 4 * 60 * MINUTE), end: hhmm(end), weekdays: everyDay, memberIds: ['u-tier2'] },
        { id: 'late', name: 'Late', timeZone: 'UTC', start: hhmm(end), end: hhmm(end + 8 * 60 * MINUTE), weekdays: everyDay, memberIds: ['u-tier3'] },
      ],
    },
  });
  expect(created.status).toBe(201);
  return { end };
}

test('Piotr hands his shift over from the draft with the keyboard, in Polish; Sam, coming on, reads it first and acknowledges; notes are searchable offline', async ({ page, stack, browser }) => {
  // Two consoles, a server outage and the replica's search: more than the default minute.
  test.setTimeout(120_000);
  await rotaEndingSoon(stack.serverUrl);
  const piotr = new ConsolePage(page);
  await piotr.open(stack.consoleUrl);
  await piotr.signIn('tier2@demo');

  // The draft is offered before the shift ends, already filled from the replica, in Piotr's Polish.
  const prompt = page.getByTestId('shift-end-prompt');
  await expect(prompt).toContainText('Twoja zmiana Early kończy się o', { timeout: 15_000 });
  await expect(page.getByTestId('handoff-button')).toContainText('szkic przekazania zmiany jest gotowy');
  await prompt.getByRole('button', { name: 'Otwórz szkic przekazania' }).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('handoff-panel');
  await expect(panel.getByRole('heading', { name: 'Przekaż swoją zmianę' })).toBeVisible();
  await expect(panel.getByTestId('handoff-form-shift')).toContainText('Przekazuje zmianę Early');
  const draft = panel.getByRole('textbox', { name: 'Notatka przekazania zmiany' });
  await expect(draft).toHaveValue(/^Przekazanie: Early \(Tier 2 desk\), do /);
  await expect(draft).toHaveValue(/Moje otwarte zgłoszeni[ea] \(\d+\):/);
  await expect(draft).toHaveValue(/Terminy? SLA w ciągu najbliższych 4 godzin \(\d+\):/);
  await expect(draft).toHaveValue(/Trwając[ae] eskalacj[ae] \(\d+\):/);
  expect(await seriousViolations(page)).toEqual([]);

  // For everyone on the desk (Sam's queue is not Piotr's), then his own words, sent with Ctrl+Enter.
  await panel.getByRole('combobox', { name: 'Dla' }).selectOption({ label: 'Cały zespół wsparcia' });
  await draft.focus();
  await page.keyboard.press('Control+End');
  const words = `Core router firmware rollback planned for 02:00 ${Date.now()}`;
  await page.keyboard.type(words);
  await page.keyboard.press('Control+Enter');
  await expect(draft).toHaveValue('');
  await expect(prompt).toBeHidden();
  const written = panel.getByTestId('handoff-note').filter({ hasText: words });
  await expect(written).toContainText('Przekazuje zmianę zakończoną', { timeout: 15_000 });
  await expect(written).toContainText('do potwierdzenia do');

  // Sam, on the late shift, in a console of his own: the handover is what he sees first.
  const root = mkdtempSync(join(tmpdir(), 'shiftdesk-e2e-sam-'));
  const samContext = await browser.newContext();
  try {
    const samPage = await samContext.newPage();
    const sam = new ConsolePage(samPage);
    await sam.open(await stack.openConsole(join(root, 'console')));
    await sam.signIn('tier3@demo', 'shiftdesk', { handovers: 'keep' });
    const dialog = samPage.getByRole('dialog', { name: 'Handoff from the previous shift' });
    await expect(dialog).toContainText(words, { timeout: 15_000 });
    await expect(dialog).toContainText('Your shift: Late');
    // He reads from the top of the note; Tab reaches its Acknowledge.
    await expect(dialog.getByTestId('handoff-note')).toBeFocused();
    expect(await seriousViolations(samPage)).toEqual([]);
    await samPage.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Acknowledge the note by Piotr Zieliński' })).toBeFocused();
    await samPage.keyboard.press('Enter');
    await expect(dialog.getByRole('status')).toHaveText('All read. Have a good shift.');
    await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
    await samPage.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  } finally {
    await samContext.close();
    rmSync(root, { recursive: true, force: true });
  }
  // Piotr's console hears that the next shift took it over.
  await expect(written).toContainText('przejęte', { timeout: 15_000 });

  // With the server gone, the replica still finds notes by their words.
  await stack.stopServer();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline', { timeout: 15_000 });
  const search = panel.getByRole('searchbox', { name: 'Szukaj w notatkach przekazania' });
  await search.fill('firmware rollb');
  await expect(panel.getByRole('status')).toHaveText('Znaleziono 1 notatkę');
  await expect(panel.getByTestId('handoff-note')).toHaveCount(1);
  await expect(panel.getByTestId('handoff-note')).toContainText(words);
});
