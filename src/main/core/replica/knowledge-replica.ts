import type Database from 'better-sqlite3';
import type { ArticleHit } from '../../../shared/desk-api/knowledge-methods.js';
import { ArticleSchema } from '../../../shared/domain/knowledge.js';
import { MessageSchema, TicketSchema } from '../../../shared/domain/ticket.js';
import { indexStems } from '../../../shared/knowledge/words.js';

/** Enough words to say what a ticket is about; a long first mail would otherwise match every article. */
const MAX_WORDS = 24;

/**
 * The knowledge base as the console reads it for suggestions: the replica's articles and their
 * full-text index (the same FTS5 table the search uses), so suggestions appear with the server down.
 */
export class KnowledgeReplica {
  constructor(private readonly db: Database.Database) {}

  /**
   * Articles for a ticket: any of the words of its subject and first customer message (stems, as word
   * prefixes), best first by BM25 with the title weighing most. Internal runbooks are suggested too:
   * the agent reads them, and the panel says which ones customers cannot open.
   */
  suggestForTicket(ticketId: string, limit: number): ArticleHit[] {
    const ticketRow = this.db.prepare('SELECT row FROM tickets WHERE id = ?').pluck().get(ticketId) as string | undefined;
    if (ticketRow === undefined) return [];
    const ticket = TicketSchema.parse(JSON.parse(ticketRow));
    const first = (this.db.prepare('SELECT row FROM messages WHERE ticket_id = ? ORDER BY created_at').pluck().all(ticketId) as string[])
      .map((row) => MessageSchema.parse(JSON.parse(row)))
      .find((message) => message.authorKind === 'customer');
    return this.suggest(`${ticket.subject}\n${first?.body ?? ''}`, limit);
  }

  suggest(text: string, limit: number): ArticleHit[] {
    const words = indexStems(text).slice(0, MAX_WORDS);
    if (words.length === 0) return [];
    // Stems are letters and digits only, so quoting them is all FTS5 needs to take them literally.
    const match = words.map((word) => `"${word}"*`).join(' OR ');
    const rows = this.db
      .prepare(
        `SELECT a.row AS row, snippet(articles_fts, 2, '', '', '…', 16) AS snippet
         FROM articles_fts JOIN articles a ON a.id = articles_fts.id
         WHERE articles_fts MATCH ?
         ORDER BY bm25(articles_fts, 0, 5, 1) LIMIT ?`,
      )
      .all(match, limit) as { row: string; snippet: string }[];
    return rows.map((r) => {
      const article = ArticleSchema.parse(JSON.parse(r.row));
      return { id: article.id, title: article.title, locale: article.locale, isPublic: article.isPublic, snippet: r.snippet };
    });
  }
}
