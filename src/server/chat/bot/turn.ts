import type { HandoverReason } from '../../../shared/chat/protocol.js';
import type { ArticleHit } from '../../knowledge/article-search.js';
import type { Intent } from './intents.js';

/** What the assistant does next. */
export type BotTurn =
  | { kind: 'offer'; articles: ArticleHit[] }
  | { kind: 'resolved' }
  | { kind: 'describe' }
  | { kind: 'handover'; reason: HandoverReason };

export const MAX_OFFERED = 3;
/**
 * An article is worth offering when it matched at least half of the visitor's searchable words:
 * below that it shares a word with the question but is about something else ("invoice" in "my VPN
 * drops since the last invoice"). And it must score 3: one word in its title, or three in its text,
 * so a one-word question that happens to appear somewhere in a long article is not an answer.
 */
export const MIN_COVERAGE = 0.5;
export const MIN_SCORE = 3;

/** The best hits worth offering; none means the assistant has nothing and hands over. */
export function worthOffering(hits: readonly ArticleHit[]): ArticleHit[] {
  return hits.filter((hit) => hit.coverage >= MIN_COVERAGE && hit.score >= MIN_SCORE).slice(0, MAX_OFFERED);
}

/**
 * The assistant's whole policy, without I/O: urgent words and a request for a person hand over at
 * once; a question gets the articles that match it well, or a person when none does; Yes after
 * articles resolves the chat, No hands it over. `hits` are the search results for a question, best
 * first (the caller searches only when the intent is a question).
 */
export function botTurn(intent: Intent, hits: readonly ArticleHit[]): BotTurn {
  switch (intent) {
    case 'critical':
      return { kind: 'handover', reason: 'critical' };
    case 'human':
      return { kind: 'handover', reason: 'asked' };
    case 'not_solved':
      return { kind: 'handover', reason: 'not_solved' };
    case 'solved':
      return { kind: 'resolved' };
    case 'vague':
      return { kind: 'describe' };
    case 'question': {
      const articles = worthOffering(hits);
      return articles.length > 0 ? { kind: 'offer', articles } : { kind: 'handover', reason: 'no_match' };
    }
  }
}
