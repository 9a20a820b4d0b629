import { EventEmitter } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';

/**
 * Services say here that they committed changes to the log; the broadcaster then reads the log for
 * what is new. Announcing only after commit means the broadcaster always finds what it was told of,
 * and reading from the log (not from the announcement) means nothing committed is ever left out.
 */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();

  committed(): void {
    this.emitter.emit('committed');
  }

  subscribe(listener: () => void): () => void {
    this.emitter.on('committed', listener);
    return () => this.emitter.off('committed', listener);
  }
}

/**
 * A route's writes: each request's work in one transaction, its commit announced so consoles hear of
 * it at once. `refusal` turns a domain refusal thrown inside into its HTTP answer.
 */
export function announcedWrites(db: Kysely<Database>, feed: ChangeFeed, refusal: (error: unknown) => unknown = (error) => error) {
  return async <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> => {
    let result: T;
    try {
      result = await db.transaction().execute(work);
    } catch (error) {
      throw refusal(error);
    }
    feed.committed();
    return result;
  };
}
