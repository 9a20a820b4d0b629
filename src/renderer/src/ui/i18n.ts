import type { Translation } from '../i18n-types.js';

/** The help desk's own vocabulary, shared by every feature that shows a ticket. */
export const en = {
  noEmailAddress: 'no email address',
  download: {
    busy: 'Downloading…',
    failed: 'Could not download the file: {{message}}',
  },
  channel: {
    email: 'Email',
    web: 'Web form',
    chat: 'Chat',
    phone: 'Phone',
    social: 'Social',
    monitoring: 'Monitoring',
  },
  priority: {
    critical: 'Critical',
    high: 'High',
    medium: 'Medium',
    low: 'Low',
  },
  status: {
    new: 'New',
    open: 'Open',
    pending: 'Pending',
    on_hold: 'On hold',
    solved: 'Solved',
    closed: 'Closed',
  },
  customerTier: {
    standard: 'Standard',
    premium: 'Premium',
  },
  type: {
    incident: 'Incident',
    problem: 'Problem',
    question: 'Question',
    task: 'Task',
  },
  authorKind: {
    customer: 'Customer',
    agent: 'Agent',
    system: 'System',
  },
} as const;

export const pl: Translation<typeof en> = {
  noEmailAddress: 'brak adresu e-mail',
  download: {
    busy: 'Pobieranie…',
    failed: 'Nie udało się pobrać pliku: {{message}}',
  },
  channel: {
    email: 'E-mail',
    web: 'Formularz',
    chat: 'Czat',
    phone: 'Telefon',
    social: 'Social media',
    monitoring: 'Monitoring',
  },
  priority: {
    critical: 'Krytyczny',
    high: 'Wysoki',
    medium: 'Średni',
    low: 'Niski',
  },
  status: {
    new: 'Nowe',
    open: 'Otwarte',
    pending: 'Oczekujące',
    on_hold: 'Wstrzymane',
    solved: 'Rozwiązane',
    closed: 'Zamknięte',
  },
  customerTier: {
    standard: 'Standard',
    premium: 'Premium',
  },
  type: {
    incident: 'Incydent',
    problem: 'Problem',
    question: 'Pytanie',
    task: 'Zadanie',
  },
  authorKind: {
    customer: 'Klient',
    agent: 'Agent',
    system: 'System',
  },
};

export const ru: Translation<typeof en> = {
  noEmailAddress: 'нет адреса эл. почты',
  download: {
    busy: 'Скачивание…',
    failed: 'Не удалось скачать файл: {{message}}',
  },
  channel: {
    email: 'Эл. почта',
    web: 'Веб-форма',
    chat: 'Чат',
    phone: 'Телефон',
    social: 'Соцсети',
    monitoring: 'Мониторинг',
  },
  priority: {
    critical: 'Критический',
    high: 'Высокий',
    medium: 'Средний',
    low: 'Низкий',
  },
  status: {
    new: 'Новая',
    open: 'Открыта',
    pending: 'Ждёт клиента',
    on_hold: 'Отложена',
    solved: 'Решена',
    closed: 'Закрыта',
  },
  customerTier: {
    standard: 'Стандарт',
    premium: 'Премиум',
  },
  type: {
    incident: 'Инцидент',
    problem: 'Проблема',
    question: 'Вопрос',
    task: 'Задача',
  },
  authorKind: {
    customer: 'Клиент',
    agent: 'Агент',
    system: 'Система',
  },
};

export const lv: Translation<typeof en> = {
  noEmailAddress: 'nav e-pasta adreses',
  download: {
    busy: 'Lejupielādē…',
    failed: 'Neizdevās lejupielādēt failu: {{message}}',
  },
  channel: {
    email: 'E-pasts',
    web: 'Veidlapa',
    chat: 'Tērzēšana',
    phone: 'Tālrunis',
    social: 'Soctīkli',
    monitoring: 'Uzraudzība',
  },
  priority: {
    critical: 'Kritiska',
    high: 'Augsta',
    medium: 'Vidēja',
    low: 'Zema',
  },
  status: {
    new: 'Jauns',
    open: 'Atvērts',
    pending: 'Gaida klientu',
    on_hold: 'Aizturēts',
    solved: 'Atrisināts',
    closed: 'Slēgts',
  },
  customerTier: {
    standard: 'Standarta',
    premium: 'Premium',
  },
  type: {
    incident: 'Incidents',
    problem: 'Problēma',
    question: 'Jautājums',
    task: 'Uzdevums',
  },
  authorKind: {
    customer: 'Klients',
    agent: 'Aģents',
    system: 'Sistēma',
  },
};
