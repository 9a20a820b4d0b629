import { describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.js';
import { startTestServer } from '../testing/test-server.js';
import { searchPublicArticles, stems } from './article-search.js';

describe('public knowledge-base search', () => {
  it('folds case, diacritics and word endings', () => {
    expect(stems('Hasło')).toEqual(stems('hasla'));
    expect(stems('the password and')).toEqual(['pass']);
  });

  it('finds demo articles in the customer’s language first and never offers internal ones', async () => {
    const server = await startTestServer({ clock: systemClock, seed: true });
    try {
      const db = server.context.db;
      const polish = await searchPublicArticles(db, 'nie pamiętam hasła', 'pl');
      expect(polish[0]?.locale).toBe('pl');
      expect(polish[0]?.title.toLowerCase()).toContain('hasł');
      const english = await searchPublicArticles(db, 'I forgot my password', 'en');
      expect(english[0]?.title).toMatch(/password/i);
      expect(english[0]!.coverage).toBeGreaterThan(0.4);
      const internal = await db.selectFrom('articles').select('title').where('is_public', '=', 0).where('locale', '=', 'en').executeTakeFirstOrThrow();
      const hits = await searchPublicArticles(db, internal.title, 'en', 40);
      expect(hits.map((h) => h.title)).not.toContain(internal.title);
      expect(await searchPublicArticles(db, 'the and', 'en')).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
