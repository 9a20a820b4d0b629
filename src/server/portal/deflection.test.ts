import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeflectionReport } from '../../shared/portal/deflection.js';
import type { SuggestionReply } from '../../shared/portal/knowledge.js';
import { postForm } from '../testing/portal-client.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';

let server: RunningTestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
});
afterAll(() => server.stop());

/** Events answer 204 with no body, which callApi cannot read as JSON. */
const send = async (body: Record<string, unknown>) =>
  (await fetch(`${server.url}/api/v1/portal/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lang: 'en', ...body }) })).status;
const eventCount = async () => Number((await server.context.db.selectFrom('deflection_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('deflection', () => {
  it('suggests public articles in the customer’s language as they type a subject', async () => {
    const { status, body } = await callApi<SuggestionReply>(server.url, `/api/v1/portal/suggestions?${new URLSearchParams({ q: 'VPN ciągle się rozłącza', lang: 'pl' })}`);
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ id: 'kb-vpn-keeps-disconnecting-pl', url: '/portal/kb/kb-vpn-keeps-disconnecting-pl' });
    expect(body.items.length).toBeLessThanOrEqual(5);
    // An article sharing a single word with the subject is not offered beside one that answers it.
    const card = await callApi<SuggestionReply>(server.url, `/api/v1/portal/suggestions?${new URLSearchParams({ q: 'my card was declined', lang: 'en' })}`);
    expect(card.body.items.map((item) => item.title)).toEqual(['Why was my card declined?']);
    expect((await callApi(server.url, '/api/v1/portal/suggestions?q=&lang=en')).status).toBe(400);
    expect((await callApi(server.url, '/api/v1/portal/suggestions?q=vpn&lang=de')).status).toBe(400);
    const article = await fetch(`${server.url}${body.items[0]!.url}`);
    expect(article.status).toBe(200);
    expect(await article.text()).toContain('<article class="card" lang="pl">');
    const internal = await server.context.db.selectFrom('articles').select('id').where('is_public', '=', 0).executeTakeFirstOrThrow();
    expect((await fetch(`${server.url}/portal/kb/${internal.id}`)).status).toBe(404);
  });

  it('refuses events it cannot count, writing nothing', async () => {
    const before = await eventCount();
    const visit = randomUUID();
    expect(await send({ visit, kind: 'form_submitted' })).toBe(400);
    expect(await send({ visit, kind: 'suggestion_opened' })).toBe(400);
    expect(await send({ visit, kind: 'suggestion_opened', articleId: 'kb-no-such-article' })).toBe(400);
    expect(await send({ visit, kind: 'suggestions_shown', articleId: 'kb-reset-password-en' })).toBe(400);
    expect(await send({ visit: 'not-a-visit', kind: 'form_abandoned' })).toBe(400);
    expect(await send({ visit, kind: 'form_abandoned', extra: 1 })).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it('counts visits, opened suggestions, sent and abandoned forms, and the share deflected', async () => {
    const from = new Date().toISOString();
    const [deflected, sent, left, browsing] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    // Saw suggestions, opened one (twice), left: deflected.
    expect(await send({ visit: deflected, kind: 'suggestions_shown' })).toBe(204);
    expect(await send({ visit: deflected, kind: 'suggestion_opened', articleId: 'kb-reset-password-en' })).toBe(204);
    expect(await send({ visit: deflected, kind: 'suggestion_opened', articleId: 'kb-reset-password-en' })).toBe(204);
    expect(await send({ visit: deflected, kind: 'form_abandoned' })).toBe(204);
    // Opened a suggestion, came back and sent the form anyway: not deflected, and not abandoned.
    expect(await send({ visit: sent, kind: 'suggestions_shown' })).toBe(204);
    expect(await send({ visit: sent, kind: 'suggestion_opened', articleId: 'kb-vpn-keeps-disconnecting-en' })).toBe(204);
    expect(await send({ visit: sent, kind: 'form_abandoned' })).toBe(204);
    const form = { name: 'Ola', email: 'ola@example.com', language: 'en', subject: 'VPN drops', description: 'Every ten minutes.', visit: sent };
    expect((await postForm(server.url, '/portal/requests', form)).status).toBe(200);
    // Typed, saw nothing useful, left.
    expect(await send({ visit: left, kind: 'form_abandoned' })).toBe(204);
    // Saw suggestions twice (the back button), nothing else.
    expect(await send({ visit: browsing, kind: 'suggestions_shown' })).toBe(204);
    expect(await send({ visit: browsing, kind: 'suggestions_shown' })).toBe(204);

    const to = new Date(Date.now() + 1000).toISOString();
    const supervisor = await loginAs(server.url, 'supervisor@demo');
    const report = await callApi<DeflectionReport>(server.url, `/api/v1/admin/portal/deflection?${new URLSearchParams({ from, to })}`, { token: supervisor });
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      from,
      to,
      visits: 4,
      visitsWithSuggestions: 3,
      suggestionsOpened: 2,
      visitsWithOpenedSuggestion: 2,
      submitted: 1,
      abandoned: 2,
      deflected: 1,
      deflectionRate: 0.25,
      topArticles: [
        { articleId: 'kb-reset-password-en', opened: 1 },
        { articleId: 'kb-vpn-keeps-disconnecting-en', opened: 1 },
      ],
    });
    // Without a range: the last 30 days, which include all of the above.
    const admin = await loginAs(server.url, 'admin@demo');
    expect((await callApi<DeflectionReport>(server.url, '/api/v1/admin/portal/deflection', { token: admin })).body.deflected).toBeGreaterThanOrEqual(1);
  });

  it('shows the report to supervisors and admins only, and refuses a backwards range', async () => {
    expect((await callApi(server.url, '/api/v1/admin/portal/deflection')).status).toBe(401);
    expect((await callApi(server.url, '/api/v1/admin/portal/deflection', { token: await loginAs(server.url, 'agent@demo') })).status).toBe(403);
    const admin = await loginAs(server.url, 'admin@demo');
    const backwards = await callApi<{ message: string }>(server.url, '/api/v1/admin/portal/deflection?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', { token: admin });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toMatch(/from/);
    expect((await callApi(server.url, '/api/v1/admin/portal/deflection?from=yesterday', { token: admin })).status).toBe(400);
  });
});
