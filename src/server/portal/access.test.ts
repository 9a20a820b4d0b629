import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { steppingClock } from '../testing/test-clock.js';
import { getPage, lastMail, linkedPath, postFields, postForm, signInByMail } from '../testing/portal-client.js';
import { LINK_MINUTES, LINKS_PER_HOUR } from './access-links.js';

const clock = steppingClock();
let server: RunningTestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ clock, seed: true });
  admin = await loginAs(server.url, 'admin@demo');
});
afterAll(() => server.stop());

async function openRequest(email: string, subject: string, files: { name: string; type: string; data: Buffer }[] = []) {
  const response = await postForm(server.url, '/portal/requests', { name: email.split('@')[0]!, email, language: 'en', subject, description: `${subject}, in detail.` }, { files });
  expect(response.status).toBe(200);
  return server.context.db.selectFrom('tickets').selectAll().where('subject', '=', subject).executeTakeFirstOrThrow();
}

const tokenOf = (body: string) => linkedPath(body, /https?:\/\/\S+\/portal\/link\/[A-Za-z0-9_-]+/).split('/').pop()!;
const linkCount = async (email: string) => Number((await server.context.db.selectFrom('portal_links').select((eb) => eb.fn.countAll<number>().as('n')).where('email', '=', email).executeTakeFirstOrThrow()).n);

describe('portal sign-in by mailed link', () => {
  it('answers the same whether or not the address is known, and mails a link only to a known one', async () => {
    await openRequest('known@example.com', 'Printer offline');
    const known = await postFields(server.url, '/portal/access', { email: 'Known@Example.com' });
    const unknown = await postFields(server.url, '/portal/access', { email: 'stranger@example.com' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const page = await known.text();
    expect(page).toContain('If we know this address, a link is on its way.');
    expect(page).toContain(`The link works once, for ${LINK_MINUTES} minutes.`);
    expect(await unknown.text()).toBe(page);
    const mail = await lastMail(server.context.db, 'known@example.com', 'portal.link');
    expect(mail).toMatchObject({ ticket_id: null, channel: 'email', subject: 'Your link to your requests', status: 'queued' });
    expect(JSON.parse(mail!.headers_json).messageId).toMatch(/^[0-9a-f-]{36}@shiftdesk\.local$/);
    expect(await lastMail(server.context.db, 'stranger@example.com', 'portal.link')).toBeUndefined();
    // Only the hash of the token is stored.
    const stored = await server.context.db.selectFrom('portal_links').select('token_hash').where('email', '=', 'known@example.com').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(tokenOf(mail!.body));
  });

  it('refuses a malformed address with 400 and sends nothing', async () => {
    const response = await postFields(server.url, '/portal/access', { email: 'known at example' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Enter an email address like name@example.com.');
  });

  it('signs in from the link into an HttpOnly cookie, and shows only that customer’s requests and their public thread', async () => {
    const mine = await openRequest('alice@example.com', 'Invoice shows the wrong VAT number', [{ name: 'invoice.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4 alice') }]);
    const theirs = await openRequest('bob@example.com', 'Bob cannot reach the Riga office');
    await callApi(server.url, `/api/v1/tickets/${mine.id}/messages`, { method: 'POST', token: admin, body: { body: 'INTERNAL: customer is on the legacy plan, check with billing', isPublic: false } });
    await callApi(server.url, `/api/v1/tickets/${mine.id}/messages`, { method: 'POST', token: admin, body: { body: 'We are correcting the invoice now.', isPublic: true } });

    await postFields(server.url, '/portal/access', { email: 'alice@example.com' });
    const token = tokenOf((await lastMail(server.context.db, 'alice@example.com', 'portal.link'))!.body);
    // Opening the link (as a mail scanner would) does not use it up.
    for (let i = 0; i < 2; i++) {
      const landing = await getPage(server.url, `/portal/link/${token}`);
      expect(landing.status).toBe(200);
      expect(landing.headers.get('set-cookie') ?? '').not.toContain('portal_session');
    }
    const signedIn = await postFields(server.url, '/portal/link', { token });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/portal/requests');
    const setCookie = signedIn.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^portal_session=[A-Za-z0-9_-]{43}; Path=\/portal; Max-Age=\d+; SameSite=Lax; HttpOnly$/);
    const cookie = setCookie.split(';')[0]!;

    const list = await getPage(server.url, '/portal/requests', cookie);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const listed = await list.text();
    expect(listed).toContain(`#${mine.number}`);
    expect(listed).toContain('In progress');
    expect(listed).toContain('1 request');
    expect(listed).not.toContain(`#${theirs.number}`);
    expect(listed).not.toContain('Riga office');

    const detail = await (await getPage(server.url, `/portal/requests/${mine.number}`, cookie)).text();
    expect(detail).toContain('We are correcting the invoice now.');
    expect(detail).not.toContain('INTERNAL');
    expect(detail).not.toContain('legacy plan');
    const fileLink = detail.match(/href="(\/portal\/requests\/\d+\/files\/[0-9a-f-]+)"/)![1]!;
    const file = await getPage(server.url, fileLink, cookie);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment; filename="invoice.pdf"');
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.4 alice');

    expect((await getPage(server.url, `/portal/requests/${theirs.number}`, cookie)).status).toBe(404);
    expect((await getPage(server.url, fileLink)).status).toBe(404);
    expect((await getPage(server.url, '/portal/requests')).headers.get('location')).toBe('/portal/access');

    // A reply joins the ticket as the customer's public message.
    const replied = await postForm(server.url, `/portal/requests/${mine.number}/reply`, { message: 'Thanks, the VAT number should be LV40003000000.' }, { cookie });
    expect(replied.status).toBe(303);
    expect(replied.headers.get('location')).toBe(`/portal/requests/${mine.number}`);
    const last = await server.context.db.selectFrom('messages').selectAll().where('ticket_id', '=', mine.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ author_kind: 'customer', is_public: 1, body: 'Thanks, the VAT number should be LV40003000000.' });
    const empty = await postForm(server.url, `/portal/requests/${mine.number}/reply`, { message: ' ' }, { cookie });
    expect(empty.status).toBe(400);
    expect((await postForm(server.url, `/portal/requests/${theirs.number}/reply`, { message: 'Not mine' }, { cookie })).status).toBe(404);

    // The link worked once.
    expect((await postFields(server.url, '/portal/link', { token })).status).toBe(410);
    expect((await getPage(server.url, `/portal/link/${token}`)).status).toBe(410);

    // Signing out ends the session on the server, not just in this browser.
    const out = await postFields(server.url, '/portal/sign-out', {}, cookie);
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^portal_session=; Path=\/portal; Max-Age=0/);
    expect((await getPage(server.url, '/portal/requests', cookie)).status).toBe(303);
  });

  it('refuses an expired link and a made-up one', async () => {
    await openRequest('late@example.com', 'Late reader');
    await postFields(server.url, '/portal/access', { email: 'late@example.com' });
    const token = tokenOf((await lastMail(server.context.db, 'late@example.com', 'portal.link'))!.body);
    clock.advance((LINK_MINUTES + 1) * 60_000);
    const landing = await getPage(server.url, `/portal/link/${token}`);
    expect(landing.status).toBe(410);
    expect(await landing.text()).toContain('This link no longer works');
    expect((await postFields(server.url, '/portal/link', { token })).status).toBe(410);
    expect((await postFields(server.url, '/portal/link', { token: 'x'.repeat(43) })).status).toBe(410);
    expect((await getPage(server.url, '/portal/link/short')).status).toBe(410);
  });

  it('mails at most five links an hour to one address, and answers as usual beyond that', async () => {
    await openRequest('eager@example.com', 'Eager customer');
    for (let i = 0; i < LINKS_PER_HOUR + 2; i++) expect((await postFields(server.url, '/portal/access', { email: 'eager@example.com' })).status).toBe(200);
    expect(await linkCount('eager@example.com')).toBe(LINKS_PER_HOUR);
    clock.advance(61 * 60_000);
    await postFields(server.url, '/portal/access', { email: 'eager@example.com' });
    expect(await linkCount('eager@example.com')).toBe(LINKS_PER_HOUR + 1);
  });

  it('keeps a session across pages until it is signed out', async () => {
    const cookie = await signInByMail(server.url, server.context.db, 'eager@example.com');
    expect((await getPage(server.url, '/portal/requests', cookie)).status).toBe(200);
    expect(await (await getPage(server.url, '/portal', cookie)).text()).toContain('value="eager@example.com"');
  });
});
