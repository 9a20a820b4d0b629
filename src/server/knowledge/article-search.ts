import type { Transaction } from 'kysely';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { stems } from '../../shared/knowledge/words.js';

type Reader = ServerDb | Transaction<Database>;

// The console suggests articles for a ticket with the same words (src/shared/knowledge/words.ts).
export { fold, stems } from '../../shared/knowledge/words.js';

export interface ArticleHit {
  id: string;
  title: string;
  excerpt: string;
  locale: string;
  /** Matched stems weighted by where they matched; comparable only within one search. */
  score: number;
  /** Share of the query's words the article matched, 0–1: how sure a suggestion is. */
  coverage: number;
}

const EXCERPT_LENGTH = 180;

/**
 * The public articles that best match what a customer wrote, in their language first (then English).
 * Scored by matched stems, title matches counting thrice. Public articles are few (hundreds), so a
 * scan per query is cheaper than keeping an index in step; internal articles are never offered.
 */
export async function searchPublicArticles(reader: Reader, query: string, locale: string, limit = 5): Promise<ArticleHit[]> {
  const wanted = stems(query);
  if (wanted.length === 0) return [];
  const rows = await reader.selectFrom('articles').select(['id', 'title', 'body', 'locale']).where('is_public', '=', 1).where('locale', 'in', [locale, 'en']).execute();
  const hits: ArticleHit[] = [];
  for (const row of rows) {
    const title = new Set(stems(row.title));
    const body = new Set(stems(row.body));
    let score = 0;
    let matched = 0;
    for (const stem of wanted) {
      const weight = (title.has(stem) ? 3 : 0) + (body.has(stem) ? 1 : 0);
      score += weight;
      if (weight > 0) matched++;
    }
    if (score === 0) continue;
    // The customer's own language wins a tie with its English twin.
    if (row.locale === locale) score += 0.5;
    hits.push({ id: row.id, title: row.title, excerpt: excerpt(row.body), locale: row.locale, score, coverage: matched / wanted.length });
  }
  return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, limit);
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH).replace(/\s+\S*$/, '')}…`;
}
