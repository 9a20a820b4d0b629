import { handoverReasons, type ChatStats, type HandoverReason } from '../../shared/chat/protocol.js';
import type { ServerDb } from '../storage/database.js';
import { closeAbandoned } from './sessions.js';

/**
 * How chats started in [from, to) ended. The resolution rate counts only chats that ended (resolved
 * by the assistant, handed over, or abandoned): one still going has not told us yet.
 */
export async function chatStats(db: ServerDb, from: string, to: string, now: number): Promise<ChatStats> {
  return db.transaction().execute(async (trx) => {
    await closeAbandoned(trx, now);
    const rows = await trx
      .selectFrom('chat_sessions')
      .select(['outcome', 'handover_reason'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .groupBy(['outcome', 'handover_reason'])
      .execute();
    const byReason = Object.fromEntries(handoverReasons.map((reason) => [reason, 0])) as Record<HandoverReason, number>;
    let chats = 0;
    let botResolved = 0;
    let abandoned = 0;
    for (const row of rows) {
      const n = Number(row.n);
      chats += n;
      if (row.outcome === 'bot_resolved') botResolved += n;
      if (row.outcome === 'abandoned') abandoned += n;
      if (row.outcome === 'handed_over') byReason[row.handover_reason as HandoverReason] += n;
    }
    const handedOver = Object.values(byReason).reduce((a, b) => a + b, 0);
    const ended = botResolved + handedOver + abandoned;
    return {
      from,
      to,
      chats,
      botResolved,
      handedOver: { total: handedOver, byReason },
      abandoned,
      inProgress: chats - ended,
      botResolutionRate: ended > 0 ? botResolved / ended : null,
    };
  });
}
