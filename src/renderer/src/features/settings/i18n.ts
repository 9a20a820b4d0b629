import type { Translation } from '../../i18n-types.js';

export const en = {
  button: 'Settings',
  title: 'Settings',
  close: 'Close settings',
  shortcut: 'Ctrl+,',
  appearance: 'Appearance',
  theme: {
    label: 'Theme',
    system: 'Same as the system',
    dark: 'Dark',
    light: 'Light',
    systemIsDark: 'The system asks for dark now; the console follows when it changes.',
    systemIsLight: 'The system asks for light now; the console follows when it changes.',
  },
  density: {
    label: 'Density',
    comfortable: 'Comfortable',
    compact: 'Compact',
    hint: 'Compact fits more tickets in the queue.',
  },
  languageAndTime: 'Language and time',
  language: 'Language',
  timeZone: {
    label: 'Time zone',
    profile: 'My profile’s ({{zone}})',
    hint: 'Every date and time in the console is shown in this zone.',
  },
  sounds: {
    heading: 'Sounds',
    escalation: 'Escalation sounds',
    escalationHint: 'Pages and news of your escalations. Turned off, they still show a card and a notification.',
    volume: 'Volume',
    test: 'Test sound',
    others: 'Nothing else makes a sound unless you turn on ticket sounds under Alerts.',
  },
  more: {
    button: 'More',
    label: 'More tools',
  },
} as const;

export const pl: Translation<typeof en> = {
  button: 'Ustawienia',
  title: 'Ustawienia',
  close: 'Zamknij ustawienia',
  shortcut: 'Ctrl+,',
  appearance: 'Wygląd',
  theme: {
    label: 'Motyw',
    system: 'Jak w systemie',
    dark: 'Ciemny',
    light: 'Jasny',
    systemIsDark: 'System prosi teraz o ciemny; konsola zmieni się razem z nim.',
    systemIsLight: 'System prosi teraz o jasny; konsola zmieni się razem z nim.',
  },
  density: {
    label: 'Gęstość',
    comfortable: 'Wygodna',
    compact: 'Zwarta',
    hint: 'Zwarta mieści więcej zgłoszeń w kolejce.',
  },
  languageAndTime: 'Język i czas',
  language: 'Język',
  timeZone: {
    label: 'Strefa czasowa',
    profile: 'Z mojego profilu ({{zone}})',
    hint: 'Wszystkie daty i godziny w konsoli są pokazywane w tej strefie.',
  },
  sounds: {
    heading: 'Dźwięki',
    escalation: 'Dźwięki eskalacji',
    escalationHint: 'Wezwania i wiadomości o Twoich eskalacjach. Wyłączone nadal pokazują kartę i powiadomienie.',
    volume: 'Głośność',
    test: 'Odtwórz dźwięk próbny',
    others: 'Nic innego nie wydaje dźwięku, chyba że włączysz dźwięki zgłoszeń w Alertach.',
  },
  more: {
    button: 'Więcej',
    label: 'Więcej narzędzi',
  },
};

export const ru: Translation<typeof en> = {
  button: 'Настройки',
  title: 'Настройки',
  close: 'Закрыть настройки',
  shortcut: 'Ctrl+,',
  appearance: 'Внешний вид',
  theme: {
    label: 'Тема',
    system: 'Как в системе',
    dark: 'Тёмная',
    light: 'Светлая',
    systemIsDark: 'Сейчас система просит тёмную; консоль сменит тему вместе с ней.',
    systemIsLight: 'Сейчас система просит светлую; консоль сменит тему вместе с ней.',
  },
  density: {
    label: 'Плотность',
    comfortable: 'Свободная',
    compact: 'Компактная',
    hint: 'В компактной в очередь помещается больше заявок.',
  },
  languageAndTime: 'Язык и время',
  language: 'Язык',
  timeZone: {
    label: 'Часовой пояс',
    profile: 'Из моего профиля ({{zone}})',
    hint: 'Все даты и время в консоли показываются в этом поясе.',
  },
  sounds: {
    heading: 'Звуки',
    escalation: 'Звуки эскалаций',
    escalationHint: 'Вызовы и новости о ваших эскалациях. Выключенные, они всё равно показывают карточку и уведомление.',
    volume: 'Громкость',
    test: 'Проверить звук',
    others: 'Больше ничего не звучит, если не включить звуки заявок в разделе «Оповещения».',
  },
  more: {
    button: 'Ещё',
    label: 'Другие инструменты',
  },
};

export const lv: Translation<typeof en> = {
  button: 'Iestatījumi',
  title: 'Iestatījumi',
  close: 'Aizvērt iestatījumus',
  shortcut: 'Ctrl+,',
  appearance: 'Izskats',
  theme: {
    label: 'Motīvs',
    system: 'Kā sistēmā',
    dark: 'Tumšs',
    light: 'Gaišs',
    systemIsDark: 'Sistēma tagad prasa tumšo; konsole mainīsies līdz ar to.',
    systemIsLight: 'Sistēma tagad prasa gaišo; konsole mainīsies līdz ar to.',
  },
  density: {
    label: 'Blīvums',
    comfortable: 'Ērts',
    compact: 'Kompakts',
    hint: 'Kompaktā rindā ietilpst vairāk pieteikumu.',
  },
  languageAndTime: 'Valoda un laiks',
  language: 'Valoda',
  timeZone: {
    label: 'Laika josla',
    profile: 'No mana profila ({{zone}})',
    hint: 'Visi datumi un laiki konsolē tiek rādīti šajā joslā.',
  },
  sounds: {
    heading: 'Skaņas',
    escalation: 'Eskalāciju skaņas',
    escalationHint: 'Izsaukumi un ziņas par jūsu eskalācijām. Izslēgtas, tās joprojām rāda karti un paziņojumu.',
    volume: 'Skaļums',
    test: 'Pārbaudīt skaņu',
    others: 'Nekas cits neskan, ja vien neieslēdzat pieteikumu skaņas sadaļā “Brīdinājumi”.',
  },
  more: {
    button: 'Vairāk',
    label: 'Citi rīki',
  },
};
