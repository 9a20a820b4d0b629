import type { HandoffNote, Handover } from '../../shared/domain/handoff.js';
import type { Locale } from '../../shared/domain/people.js';

/** A supervisor as the alert mail addresses them: in their language, with times in their zone. */
export interface AlertedSupervisor {
  email: string;
  name: string;
  locale: Locale;
  timeZone: string;
}

interface Words {
  subject(queue: string, end: string): string;
  intro(name: string, author: string, queue: string): string;
  handedOver: string;
  incoming: string;
  acknowledgeBy: string;
  wholeDesk: string;
  signature: string;
}

const words: Record<Locale, Words> = {
  en: {
    subject: (queue, end) => `Handoff not acknowledged: ${queue}, shift ended ${end}`,
    intro: (name, author, queue) => `Hello ${name},\n\nnobody of the incoming shift has acknowledged the handoff note ${author} left for ${queue}.`,
    handedOver: 'Shift handed over, ended',
    incoming: 'Incoming shift started',
    acknowledgeBy: 'To be acknowledged by',
    wholeDesk: 'the whole desk',
    signature: 'Shiftdesk — the note is in the console under Handoff.',
  },
  pl: {
    subject: (queue, end) => `Niepotwierdzone przekazanie zmiany: ${queue}, zmiana zakończona ${end}`,
    intro: (name, author, queue) => `Dzień dobry ${name},\n\nnikt z następnej zmiany nie potwierdził notatki przekazania, którą ${author} zostawił(a) dla: ${queue}.`,
    handedOver: 'Przekazana zmiana zakończyła się',
    incoming: 'Następna zmiana zaczęła się',
    acknowledgeBy: 'Termin potwierdzenia',
    wholeDesk: 'cały zespół wsparcia',
    signature: 'Shiftdesk — notatka jest w konsoli pod przyciskiem Przekazanie.',
  },
  ru: {
    subject: (queue, end) => `Передача смены не подтверждена: ${queue}, смена закончилась ${end}`,
    intro: (name, author, queue) => `Здравствуйте, ${name}!\n\nНикто из следующей смены не подтвердил заметку о передаче смены, которую ${author} оставил(а) для: ${queue}.`,
    handedOver: 'Переданная смена закончилась',
    incoming: 'Следующая смена началась',
    acknowledgeBy: 'Подтвердить нужно было до',
    wholeDesk: 'вся служба поддержки',
    signature: 'Shiftdesk — заметка в консоли, кнопка «Передача смены».',
  },
  lv: {
    subject: (queue, end) => `Maiņas nodošana nav apstiprināta: ${queue}, maiņa beidzās ${end}`,
    intro: (name, author, queue) => `Labdien, ${name}!\n\nNeviens no nākamās maiņas nav apstiprinājis maiņas nodošanas piezīmi, ko ${author} atstāja rindai: ${queue}.`,
    handedOver: 'Nodotā maiņa beidzās',
    incoming: 'Nākamā maiņa sākās',
    acknowledgeBy: 'Apstiprināt vajadzēja līdz',
    wholeDesk: 'viss atbalsta dienests',
    signature: 'Shiftdesk — piezīme ir konsolē, sadaļā “Maiņas nodošana”.',
  },
};

/** The supervisor's mail about a handover nobody of the incoming shift acknowledged in time. */
export function handoverAlertMail(note: HandoffNote & { handover: Handover }, queueName: string | null, supervisor: AlertedSupervisor): { subject: string; body: string } {
  const say = words[supervisor.locale];
  const time = new Intl.DateTimeFormat(supervisor.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: supervisor.timeZone });
  const at = (iso: string) => time.format(new Date(iso));
  const queue = queueName ?? say.wholeDesk;
  const { handover } = note;
  return {
    subject: say.subject(queue, at(handover.end)),
    body: [
      say.intro(supervisor.name, note.authorName, queue),
      '',
      `${say.handedOver}: ${at(handover.end)}`,
      `${say.incoming}: ${at(handover.incomingStart)}`,
      `${say.acknowledgeBy}: ${at(handover.acknowledgeBy)}`,
      '',
      note.body,
      '',
      `— ${say.signature}`,
    ].join('\n'),
  };
}
