import { ConsolePage } from './pages/console-page.js';
import { expect, test } from './support/stack-fixture.js';

async function adminApi(serverUrl: string) {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo', password: 'shiftdesk' }) });
  const { token } = (await login.json()) as { token: string };
  return { get: async <T>(path: string) => (await (await fetch(`${serverUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T };
}

test('a ticket link (shiftdesk://ticket/<n>, given to the browser host as ?ticket=<n>) opens that ticket; one not on this computer is explained', async ({ page, stack }) => {
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.expectQueueLoaded(20);
  const number = Number(await desk.rows().nth(7).getAttribute('data-ticket-number'));

  // As the desktop shell loads the console for a link that started it; the session is still there.
  await desk.open(new URL(`/?ticket=${number}`, stack.consoleUrl).toString());
  const pane = page.getByTestId('ticket-pane');
  await expect(pane.locator('.ticket__number')).toHaveText(`#${number}`, { timeout: 15_000 });
  // Handled once: a reload does not open it again.
  await expect.poll(() => new URL(page.url()).search).toBe('');

  // A ticket of a queue Marta does not work in (Network, tier 2) is not in her replica.
  const admin = await adminApi(stack.serverUrl);
  const { items } = await admin.get<{ items: { number: number; assigneeId: string | null }[] }>('/api/v1/tickets?queueId=network&pageSize=50');
  const elsewhere = items.find((ticket) => ticket.assigneeId !== 'u-agent')!;
  expect(elsewhere).toBeDefined();
  await desk.open(new URL(`/#ticket=${elsewhere.number}`, stack.consoleUrl).toString());
  const notice = page.getByTestId('ticket-link-not-found');
  await expect(notice).toHaveText(new RegExp(`Ticket #${elsewhere.number} is not among the tickets on this computer`), { timeout: 15_000 });
  await expect(notice).toHaveAttribute('role', 'alert');
  await page.screenshot({ path: test.info().outputPath('ticket-link-not-found.png') });
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();

  // Anything but a ticket number is ignored.
  await desk.open(new URL('/?ticket=12%3Cscript%3E', stack.consoleUrl).toString());
  await desk.expectQueueLoaded(20);
  await expect(notice).toBeHidden();
});

test('an update downloaded by the desktop shell is announced in the console, to be installed on quit', async ({ page, stack }) => {
  // The browser host has no updater: the shell's desk.updateReady is put on the console's socket here.
  let toPage: ((frame: string) => void) | null = null;
  await page.routeWebSocket(/\/desk$/, (ws) => {
    ws.connectToServer();
    toPage = (frame) => ws.send(frame);
  });
  const desk = new ConsolePage(page);
  await desk.open(stack.consoleUrl);
  await desk.signIn('agent@demo');
  await desk.expectQueueLoaded(20);
  expect(toPage).not.toBeNull();
  toPage!(JSON.stringify({ kind: 'event', event: 'desk.updateReady', payload: { version: '1.5.0' } }));
  const notice = page.getByTestId('update-ready');
  await expect(notice).toHaveText(/Shiftdesk 1\.5\.0 is downloaded\. It will be installed when you quit the app/);
  await expect(notice).toHaveAttribute('role', 'status');
  await page.screenshot({ path: test.info().outputPath('update-ready.png') });
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
});
