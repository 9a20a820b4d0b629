import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleConflictReply } from '../../shared/api/knowledge.js';
import type { Article, ArticleVersion, ArticleVersionSummary } from '../../shared/domain/knowledge.js';
import type { Change } from '../../shared/sync/protocol.js';
import { callApi, loginAs, startTestServer, type RunningTestServer } from '../testing/test-server.js';
import { pullAll, SocketPool } from '../testing/test-socket.js';

let server: RunningTestServer;
const pool = new SocketPool(() => server.url);
const tokens = new Map<string, string>();
const token = async (email: string) => tokens.get(email) ?? tokens.set(email, await loginAs(server.url, email)).get(email)!;
const api = async <T = Record<string, unknown>>(email: string | null, path: string, init: { method?: string; body?: unknown } = {}) =>
  callApi<T>(server.url, path, { ...init, ...(email ? { token: await token(email) } : {}) });

const ARTICLE = 'kb-reset-password-en';
const edit = (baseVersion: number, overrides: Record<string, unknown> = {}) => ({
  title: 'Reset your password',
  body: 'Open the sign-in page and choose “Forgot password”. The link is valid for 60 minutes.',
  locale: 'en',
  isPublic: true,
  note: 'Link validity is 60 minutes now',
  baseVersion,
  ...overrides,
});

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() }, seed: true });
});
afterAll(async () => {
  pool.closeAll();
  await server.stop();
});

describe('editing articles with versions', () => {
  it('starts every demo article at version 1', async () => {
    const versions = (await api<ArticleVersionSummary[]>('agent@demo', `/api/v1/articles/${ARTICLE}/versions`)).body;
    expect(versions).toEqual([expect.objectContaining({ articleId: ARTICLE, version: 1, authorName: 'Shiftdesk' })]);
    expect((await api<Article>('agent@demo', `/api/v1/articles/${ARTICLE}`)).body.version).toBe(1);
  });

  it('keeps editing to supervisors and admins, changing nothing for an agent', async () => {
    const reply = await api('agent@demo', `/api/v1/articles/${ARTICLE}`, { method: 'PUT', body: edit(1) });
    expect(reply).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await api('agent@demo', '/api/v1/articles', { method: 'POST', body: { title: 'x', body: 'y', locale: 'en', isPublic: false } })).status).toBe(403);
    expect((await api<Article>('agent@demo', `/api/v1/articles/${ARTICLE}`)).body.version).toBe(1);
  });

  it('saves an edit as version 2 with its author, time and note, and consoles receive it', async () => {
    const saved = await api<Article>('supervisor@demo', `/api/v1/articles/${ARTICLE}`, { method: 'PUT', body: edit(1) });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id: ARTICLE, version: 2, title: 'Reset your password' });
    const versions = (await api<ArticleVersionSummary[]>('agent@demo', `/api/v1/articles/${ARTICLE}/versions`)).body;
    expect(versions.map((v) => [v.version, v.authorName, v.note])).toEqual([
      [2, 'Ewa Wiśniewska', 'Link validity is 60 minutes now'],
      [1, 'Shiftdesk', ''],
    ]);
    const old = (await api<ArticleVersion>('agent@demo', `/api/v1/articles/${ARTICLE}/versions/1`)).body;
    expect(old.body).not.toContain('valid for 60 minutes. The link');
    expect(old.version).toBe(1);
    const socket = await pool.open('agent2@demo');
    const changes = (await pullAll(socket, {}, 1000)).changes.filter((c): c is Extract<Change, { entity: 'article'; op: 'upsert' }> => c.entity === 'article' && c.op === 'upsert' && c.row.id === ARTICLE);
    expect(changes.at(-1)?.row).toMatchObject({ version: 2, title: 'Reset your password' });
  });

  it('refuses an edit started from an older version with who saved the newer one, and changes nothing', async () => {
    const stale = await api<ArticleConflictReply>('admin@demo', `/api/v1/articles/${ARTICLE}`, { method: 'PUT', body: edit(1, { title: 'Lost update' }) });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'conflict', current: { version: 2, authorName: 'Ewa Wiśniewska' } });
    expect(stale.body.message).toMatch(/Version 2 .* Ewa Wiśniewska .* version 1/);
    expect((await api<Article>('agent@demo', `/api/v1/articles/${ARTICLE}`)).body).toMatchObject({ version: 2, title: 'Reset your password' });
    expect((await api<ArticleVersionSummary[]>('agent@demo', `/api/v1/articles/${ARTICLE}/versions`)).body).toHaveLength(2);
  });

  it('restores an old version by saving it as a new one', async () => {
    const old = (await api<ArticleVersion>('admin@demo', `/api/v1/articles/${ARTICLE}/versions/1`)).body;
    const restored = await api<Article>('admin@demo', `/api/v1/articles/${ARTICLE}`, {
      method: 'PUT',
      body: { title: old.title, body: old.body, locale: old.locale, isPublic: old.isPublic, note: 'Restored version 1', baseVersion: 2 },
    });
    expect(restored.body).toMatchObject({ version: 3, title: old.title, body: old.body });
  });

  it('creates a new article as version 1', async () => {
    const created = await api<Article>('admin@demo', '/api/v1/articles', { method: 'POST', body: { title: 'Night shift printer', body: 'Turn it off and on.', locale: 'en', isPublic: false } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, isPublic: false });
    expect((await api<ArticleVersionSummary[]>('agent@demo', `/api/v1/articles/${created.body.id}/versions`)).body).toHaveLength(1);
  });

  it.each([
    [edit(1, { title: '' }), /^body\.title/],
    [edit(1, { body: '  ' }), /^body\.body/],
    [edit(0), /^body\.baseVersion/],
    [{ ...edit(2), extra: 1 }, /^body/],
  ])('refuses a bad edit naming the field: %j', async (body, message) => {
    const reply = await api<{ message: string }>('admin@demo', `/api/v1/articles/${ARTICLE}`, { method: 'PUT', body });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(message);
  });

  it('answers 404 for an article that does not exist', async () => {
    expect((await api('admin@demo', '/api/v1/articles/kb-nothing', { method: 'PUT', body: edit(1) })).status).toBe(404);
    expect((await api('admin@demo', '/api/v1/articles/kb-nothing/versions')).status).toBe(404);
    expect((await api('admin@demo', `/api/v1/articles/${ARTICLE}/versions/99`)).status).toBe(404);
  });
});
