import type { Transaction } from 'kysely';
import type { ServerDb } from '../storage/database.js';
import type { Database } from '../storage/schema.js';

type Reader = ServerDb | Transaction<Database>;

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

const STEM_LENGTH = 4;
const EXCERPT_LENGTH = 180;
// Words that match every article; the rest of a customer's sentence is what tells articles apart.
const stopWords = new Set(
  'the and for you your with this that have has not are was can how what why when does from into our out all any but get got just will would please help hello thanks thank jak nie jest się mam czy dla ale gdy już może proszę dzień dobry что как это для при уже мне нет или есть если здравствуйте спасибо kas nav ir var man lūdzu paldies labdien kā kad'
    .split(' ')
    .map(fold),
);

/** Case and diacritics folded: customers type "haslo" for "hasło". Ł has no decomposition, so it is mapped. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[łŁ]/g, 'l').toLowerCase();
}

/** Word stems cut to four letters: crude, but Polish, Russian and Latvian endings then meet ("hasło", "hasła"). */
export function stems(text: string): string[] {
  return [...new Set((fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !stopWords.has(w)).map((w) => w.slice(0, STEM_LENGTH)))];
}

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
