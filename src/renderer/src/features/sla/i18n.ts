import type { Translation } from '../../i18n-types.js';

export const en = {
  timeLeft: 'Time left',
  dueSoon: 'Due soon',
  breached: 'Breached',
  paused: 'Paused',
  met: 'Met',
  none: 'No SLA',
  target: {
    firstResponse: 'First response',
    resolution: 'Resolution',
  },
  dueAt: '{{target}} due {{time}}',
  pausedWaiting: '{{target}} clock paused while waiting on the customer',
} as const;

export const pl: Translation<typeof en> = {
  timeLeft: 'Pozostało',
  dueSoon: 'Termin wkrótce',
  breached: 'Przekroczone',
  paused: 'Pauza',
  met: 'Dotrzymane',
  none: 'Brak SLA',
  target: {
    firstResponse: 'Pierwsza odpowiedź',
    resolution: 'Rozwiązanie',
  },
  dueAt: '{{target}}: termin {{time}}',
  pausedWaiting: '{{target}}: zegar wstrzymany, czekamy na klienta',
};

export const ru: Translation<typeof en> = {
  timeLeft: 'Осталось',
  dueSoon: 'Срок скоро',
  breached: 'Нарушен',
  paused: 'Пауза',
  met: 'Выполнен',
  none: 'Нет SLA',
  target: {
    firstResponse: 'Первый ответ',
    resolution: 'Решение',
  },
  dueAt: '{{target}}: срок {{time}}',
  pausedWaiting: '{{target}}: таймер на паузе, ждём ответа клиента',
};

export const lv: Translation<typeof en> = {
  timeLeft: 'Atlicis',
  dueSoon: 'Drīz termiņš',
  breached: 'Pārkāpts',
  paused: 'Apturēts',
  met: 'Izpildīts',
  none: 'Nav SLA',
  target: {
    firstResponse: 'Pirmā atbilde',
    resolution: 'Atrisināšana',
  },
  dueAt: '{{target}}: termiņš {{time}}',
  pausedWaiting: '{{target}}: taimeris apturēts, gaidām klienta atbildi',
};
