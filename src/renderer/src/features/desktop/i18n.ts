import type { Translation } from '../../i18n-types.js';

/** What the desktop integration says in the console: a ticket link that found nothing, an update ready. */
export const en = {
  ticketLink: {
    notFound: 'Ticket #{{number}} is not among the tickets on this computer: it is not in your queues, or it does not exist.',
  },
  update: {
    ready: 'Shiftdesk {{version}} is downloaded. It will be installed when you quit the app; nothing restarts meanwhile.',
  },
  dismiss: 'Dismiss',
};

export const pl: Translation<typeof en> = {
  ticketLink: {
    notFound: 'Zgłoszenia #{{number}} nie ma wśród zgłoszeń na tym komputerze: nie należy do Twoich kolejek albo nie istnieje.',
  },
  update: {
    ready: 'Shiftdesk {{version}} został pobrany. Zostanie zainstalowany po zamknięciu aplikacji; do tego czasu nic się nie uruchomi ponownie.',
  },
  dismiss: 'Zamknij',
};

export const ru: Translation<typeof en> = {
  ticketLink: {
    notFound: 'Заявки #{{number}} нет среди заявок на этом компьютере: она не в ваших очередях или не существует.',
  },
  update: {
    ready: 'Shiftdesk {{version}} загружен. Он установится, когда вы закроете приложение; до тех пор ничего не перезапустится.',
  },
  dismiss: 'Закрыть',
};

export const lv: Translation<typeof en> = {
  ticketLink: {
    notFound: 'Pieteikuma #{{number}} nav starp pieteikumiem šajā datorā: tas nav jūsu rindās vai neeksistē.',
  },
  update: {
    ready: 'Shiftdesk {{version}} ir lejupielādēts. Tas tiks instalēts, kad aizvērsiet lietotni; līdz tam nekas netiks restartēts.',
  },
  dismiss: 'Aizvērt',
};
