import type { CustomerLocale } from '../../../shared/notifications/templates.js';

/** Every word the widget shows by itself; what the assistant and agents say comes from the server. */
export interface WidgetStrings {
  open: string;
  title: string;
  close: string;
  intro: string;
  name: string;
  email: string;
  emailHint: string;
  language: string;
  start: string;
  nameMissing: string;
  emailInvalid: string;
  log: string;
  message: string;
  send: string;
  human: string;
  yes: string;
  no: string;
  you: string;
  agent: string;
  notice: string;
  waiting: string;
  ticket: string;
  closed: string;
  newChat: string;
  connecting: string;
  reconnecting: string;
  failed: string;
  tooFast: string;
  /** The button under the notice that the request is solved, opening its satisfaction survey. */
  rate: string;
}

export const widgetStrings: Record<CustomerLocale, WidgetStrings> = {
  en: {
    open: 'Chat with us',
    title: 'Help chat',
    close: 'Close chat',
    intro: 'Our assistant answers first and passes you to a person whenever you like.',
    name: 'Your name',
    email: 'Email (optional)',
    emailHint: 'So we can answer by email if you leave before we do.',
    language: 'Language',
    start: 'Start chat',
    nameMissing: 'Please enter your name.',
    emailInvalid: 'This does not look like an email address.',
    log: 'Conversation',
    message: 'Your message',
    send: 'Send',
    human: 'Talk to a person',
    yes: 'Yes, solved',
    no: 'No',
    you: 'You',
    agent: 'Support',
    notice: 'Help desk',
    waiting: 'A person will answer here.',
    ticket: 'Request {number}',
    closed: 'This chat has ended.',
    newChat: 'Start a new chat',
    connecting: 'Connecting…',
    reconnecting: 'Connection lost; reconnecting…',
    failed: 'Could not send; please try again.',
    tooFast: 'Please wait a moment before sending more.',
    rate: 'Rate our help',
  },
  pl: {
    open: 'Czat z nami',
    title: 'Czat pomocy',
    close: 'Zamknij czat',
    intro: 'Najpierw odpowiada nasz asystent, a w każdej chwili przekaże rozmowę konsultantowi.',
    name: 'Imię i nazwisko',
    email: 'E-mail (opcjonalnie)',
    emailHint: 'Abyśmy mogli odpowiedzieć e-mailem, jeśli wyjdą Państwo z czatu wcześniej.',
    language: 'Język',
    start: 'Rozpocznij czat',
    nameMissing: 'Proszę podać imię.',
    emailInvalid: 'To nie wygląda na adres e-mail.',
    log: 'Rozmowa',
    message: 'Wiadomość',
    send: 'Wyślij',
    human: 'Rozmowa z konsultantem',
    yes: 'Tak, rozwiązane',
    no: 'Nie',
    you: 'Ty',
    agent: 'Wsparcie',
    notice: 'Dział wsparcia',
    waiting: 'Konsultant odpowie tutaj.',
    ticket: 'Zgłoszenie {number}',
    closed: 'Ten czat został zakończony.',
    newChat: 'Rozpocznij nowy czat',
    connecting: 'Łączenie…',
    reconnecting: 'Utracono połączenie; ponowne łączenie…',
    failed: 'Nie udało się wysłać; spróbuj ponownie.',
    tooFast: 'Proszę chwilę odczekać przed wysłaniem kolejnej wiadomości.',
    rate: 'Oceń naszą pomoc',
  },
  ru: {
    open: 'Чат с нами',
    title: 'Чат поддержки',
    close: 'Закрыть чат',
    intro: 'Сначала отвечает наш ассистент; в любой момент он передаст вас сотруднику.',
    name: 'Ваше имя',
    email: 'Эл. почта (необязательно)',
    emailHint: 'Чтобы мы могли ответить письмом, если вы уйдёте раньше.',
    language: 'Язык',
    start: 'Начать чат',
    nameMissing: 'Пожалуйста, укажите имя.',
    emailInvalid: 'Это не похоже на адрес эл. почты.',
    log: 'Переписка',
    message: 'Ваше сообщение',
    send: 'Отправить',
    human: 'Связаться с сотрудником',
    yes: 'Да, решено',
    no: 'Нет',
    you: 'Вы',
    agent: 'Поддержка',
    notice: 'Служба поддержки',
    waiting: 'Сотрудник ответит здесь.',
    ticket: 'Обращение {number}',
    closed: 'Этот чат завершён.',
    newChat: 'Начать новый чат',
    connecting: 'Подключение…',
    reconnecting: 'Соединение потеряно; переподключение…',
    failed: 'Не удалось отправить; попробуйте ещё раз.',
    tooFast: 'Подождите немного перед следующим сообщением.',
    rate: 'Оценить нашу помощь',
  },
  lv: {
    open: 'Tērzēt ar mums',
    title: 'Palīdzības tērzēšana',
    close: 'Aizvērt tērzēšanu',
    intro: 'Vispirms atbild mūsu asistents; jebkurā brīdī tas jūs nodos darbiniekam.',
    name: 'Jūsu vārds',
    email: 'E-pasts (nav obligāts)',
    emailHint: 'Lai varētu atbildēt e-pastā, ja aiziesiet agrāk.',
    language: 'Valoda',
    start: 'Sākt tērzēšanu',
    nameMissing: 'Lūdzu, ievadiet savu vārdu.',
    emailInvalid: 'Tas neizskatās pēc e-pasta adreses.',
    log: 'Saruna',
    message: 'Jūsu ziņa',
    send: 'Sūtīt',
    human: 'Runāt ar darbinieku',
    yes: 'Jā, atrisināts',
    no: 'Nē',
    you: 'Jūs',
    agent: 'Atbalsts',
    notice: 'Atbalsta dienests',
    waiting: 'Darbinieks atbildēs šeit.',
    ticket: 'Pieteikums {number}',
    closed: 'Šī tērzēšana ir beigusies.',
    newChat: 'Sākt jaunu tērzēšanu',
    connecting: 'Savienojas…',
    reconnecting: 'Savienojums zudis; atjauno…',
    failed: 'Neizdevās nosūtīt; mēģiniet vēlreiz.',
    tooFast: 'Lūdzu, mazliet uzgaidiet pirms nākamās ziņas.',
    rate: 'Novērtējiet mūsu palīdzību',
  },
};

/** Each language's name in itself, for the language picker. */
export const languageNames: Record<CustomerLocale, string> = { en: 'English', pl: 'Polski', ru: 'Русский', lv: 'Latviešu' };
