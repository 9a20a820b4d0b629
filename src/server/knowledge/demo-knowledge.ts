import type { Transaction } from 'kysely';
import { MacroSchema } from '../../shared/domain/knowledge.js';
import { articles, macros } from '../demo/catalog/index.js';
import { insertCatalogMacro } from '../macros/macro-store.js';
import type { Database } from '../storage/schema.js';
import { insertCatalogArticle } from './article-store.js';

/** The demo desk's macros (shared ones, and a personal one of agent@demo) and its knowledge base at version 1. */
export async function seedDemoKnowledge(trx: Transaction<Database>, at: string): Promise<void> {
  for (const macro of macros) await insertCatalogMacro(trx, MacroSchema.parse({ ...macro, updatedAt: at }), at);
  for (const article of articles) await insertCatalogArticle(trx, article, at);
}
