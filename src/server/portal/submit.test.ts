import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_MAX_FILE_BYTES } from '../../shared/portal/forms.js';
import { getPage, postForm } from '../testing/portal-client.js';
import { startTestServer, type RunningTestServer } from '../testing/test-server.js';

let server: RunningTestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
});
afterAll(() => server.stop());

const count = async (table: 'tickets' | 'messages' | 'attachments' | 'outbound_messages' | 'requesters' | 'deflection_events') =>
  Number((await server.context.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const counts = async () => ({
  tickets: await count('tickets'),
  messages: await count('messages'),
  attachments: await count('attachments'),
  outbound: await count('outbound_messages'),
  requesters: await count('requesters'),
  events: await count('deflection_events'),
});

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const fields = (overrides: Record<string, string> = {}) => ({
  name: 'Anna Kowalska',
  email: 'Anna.Portal@Example.com',
  language: 'pl',
  subject: 'Nie mogę zalogować się do VPN',
  description: 'Od rana klient VPN pokazuje błąd uwierzytelniania.',
  visit: randomUUID(),
  ...overrides,
});

describe('portal request form', () => {
  it('is served in the browser’s language, with a language switcher and the page’s language declared', async () => {
    const page = await fetch(`${server.url}/portal`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const text = await page.text();
    expect(text).toContain('<html lang="ru">');
    expect(text).toContain('Напишите нам');
    expect(text).toContain('hreflang="lv"');
    // ?lang= wins and is remembered for the next page.
    const polish = await getPage(server.url, '/portal/kb?lang=pl');
    expect(polish.headers.get('set-cookie')).toMatch(/^portal_lang=pl;/);
    expect(await (await getPage(server.url, '/portal', 'portal_lang=lv')).text()).toContain('<html lang="lv">');
  });

  it('opens a web ticket with the attachment, queues the acknowledgement in the customer’s language and shows it', async () => {
    const form = fields();
    const response = await postForm(server.url, '/portal/requests', form, { files: [{ name: 'screen.png', type: 'image/png', data: png }] });
    expect(response.status).toBe(200);
    const page = await response.text();

    const db = server.context.db;
    const ticket = await db.selectFrom('tickets').selectAll().where('requester_email', '=', 'anna.portal@example.com').executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ channel: 'web', subject: form.subject, requester_name: 'Anna Kowalska', status: 'new' });
    expect(page).toContain(`${ticket.number}`);
    expect(page).toContain('Zgłoszenie otrzymało numer');

    const [message] = await db.selectFrom('messages').selectAll().where('ticket_id', '=', ticket.id).execute();
    expect(message!.body).toBe(form.description);
    const attachment = await db.selectFrom('attachments').selectAll().where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(attachment).toMatchObject({ message_id: message!.id, filename: 'screen.png', content_type: 'image/png', size: png.length });
    expect(Buffer.from(attachment.data).equals(png)).toBe(true);

    const ack = await db.selectFrom('outbound_messages').selectAll().where('ticket_id', '=', ticket.id).where('kind', 'like', 'ack.%').executeTakeFirstOrThrow();
    expect(ack).toMatchObject({ channel: 'email', to_address: 'anna.portal@example.com', status: 'queued' });
    expect(ack.subject).toContain(`[#${ticket.number}] Otrzymaliśmy zgłoszenie`);
    expect(ack.body).toContain('Dzień dobry Anna Kowalska');
    expect((await db.selectFrom('requesters').select('locale').where('email', '=', 'anna.portal@example.com').executeTakeFirstOrThrow()).locale).toBe('pl');
    expect(await db.selectFrom('deflection_events').select('kind').where('visit_id', '=', form.visit).execute()).toEqual([{ kind: 'form_submitted' }]);
  });

  it('refuses bad input with a 400 that names what to fix, keeps what was typed (escaped) and writes nothing', async () => {
    const before = await counts();
    const response = await postForm(server.url, '/portal/requests', fields({ name: '<script>alert(1)</script>', email: 'not-an-address', subject: '   ', language: 'de' }), {
      files: [{ name: 'a.txt', type: 'text/plain', data: Buffer.from('hello') }],
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('Enter an email address like name@example.com.');
    expect(page).toContain('Write a short subject (up to 300 characters).');
    expect(page).toContain('Choose a language.');
    expect(page).toContain('aria-invalid="true"');
    expect(page).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page).not.toContain('<script>alert(1)');
    expect(await counts()).toEqual(before);
  });

  it('refuses a file over the limit and more files than allowed with 413, writing nothing', async () => {
    const before = await counts();
    const big = await postForm(server.url, '/portal/requests', fields(), { files: [{ name: 'dump.bin', type: 'application/octet-stream', data: Buffer.alloc(PORTAL_MAX_FILE_BYTES + 1) }] });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('A file is too large: each may be at most 10 MB.');
    const files = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, type: 'text/plain', data: Buffer.from(`file ${i}`) }));
    const many = await postForm(server.url, '/portal/requests', fields(), { files });
    expect(many.status).toBe(413);
    expect(await many.text()).toContain('You can attach at most 5 files.');
    expect(await counts()).toEqual(before);
  });

  it('answers a form that is not multipart with 400 and a page, not a stack trace', async () => {
    const before = await counts();
    const response = await fetch(`${server.url}/portal/requests`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields()) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await counts()).toEqual(before);
  });
});
