import type { Transaction } from 'kysely';
import type { User } from '../../shared/domain/people.js';
import { DAY_MS } from '../../shared/sla/zoned-time.js';
import type { ServerContext } from '../context.js';
import type { Database } from '../storage/schema.js';

/** Each tier-1 agent's handover, in their own language, for the queue they hand over. */
const handovers: Record<string, { queueId: string; body: string }> = {
  'u-agent2': {
    queueId: 'general',
    body:
      'Maiņas nodošana — vispārējā rinda.\n' +
      'Mani atvērtie pieteikumi: divi paroles atiestatīšanas pieprasījumi gaida klienta atbildi; neaizvērt.\n' +
      'SLA: viena pirmā atbilde jāsniedz nākamās stundas laikā (portāla pieteikums par rēķina kopiju).\n' +
      'Eskalācijas: nav.\n' +
      'Piezīmes: tālruņa līnija pēcpusdienā bija pārslogota; divi zvani jāatzvana.',
  },
  'u-agent3': {
    queueId: 'billing',
    body:
      'Передача смены — биллинг.\n' +
      'Мои открытые заявки: три счёта с неверной ставкой НДС ждут бухгалтерию, клиентам обещано обновление.\n' +
      'SLA: у двух заявок срок первого ответа истекает в ближайшие два часа.\n' +
      'Эскалации: проблема с платёжным шлюзом передана второй линии, ждём подтверждения.\n' +
      'Для следующей смены: если жалобы на 3-D Secure повторятся, добавляйте время платежа в эскалацию.',
  },
  'u-agent': {
    queueId: 'billing',
    body:
      'Handover — billing, evening into the night.\n' +
      'My open tickets: the chargeback from Hurtownia Lux waits for their bank; evidence sent.\n' +
      'SLA: nothing due before the morning.\n' +
      'Escalations: none in flight.\n' +
      'Notes: the refund batch goes out at 06:00; check the confirmation mail.',
  },
};

/**
 * The handovers of the two tier-1 stints that ended last, as the rota had them: the older one taken
 * over by the next shift in time, the latest one not (yet). So a desk started from the demo shows both
 * what a handover looks like and, once the incoming shift is 30 minutes in, the supervisors' alert.
 */
export async function seedDemoHandovers(trx: Transaction<Database>, context: ServerContext, userOf: (id: string) => User): Promise<void> {
  const now = context.clock.now();
  const schedule = await context.shifts.schedule(trx, new Date(now - 2 * DAY_MS));
  const ended = schedule.shiftEnds(now - 2 * DAY_MS, now).filter((stint) => handovers[stint.userId] !== undefined);
  const ends = [...new Set(ended.map((stint) => stint.end))].slice(-2);
  for (const [index, end] of ends.entries()) {
    const latest = index === ends.length - 1;
    for (const stint of ended.filter((candidate) => candidate.end === end)) {
      const { queueId, body } = handovers[stint.userId]!;
      const shift = { rotationId: stint.rotationId, shiftId: stint.shiftId!, end: new Date(end).toISOString() };
      const note = await context.handoffs.insert(trx, userOf(stint.userId), { queueId, body, shift, at: new Date(end - 15 * 60_000).toISOString() });
      if (latest || !note.handover) continue;
      // Someone of the next shift on this queue read it ten minutes in.
      const reader = schedule.onShift(Date.parse(note.handover.incomingStart) + 10 * 60_000).find((s) => s.userId !== stint.userId && userOf(s.userId).queueIds.includes(queueId));
      const at = new Date(Date.parse(note.handover.incomingStart) + 10 * 60_000).toISOString();
      if (reader) await context.handoffs.applyAcknowledge(trx, userOf(reader.userId), note.id, { at });
    }
  }
}
