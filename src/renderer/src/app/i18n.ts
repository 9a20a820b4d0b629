import type { Translation } from '../i18n-types.js';

export const en = {
  loading: 'Loading…',
  bridgeMissing: 'Shiftdesk cannot reach its desktop core. Start it with the Shiftdesk app or the browser host.',
  sessionError: 'Could not read the session: {{message}}',
  retry: 'Try again',
  topBar: {
    productName: 'Shiftdesk',
    signedInAs: 'Signed in as {{name}}',
    signOut: 'Sign out',
    language: 'Language',
  },
  connection: {
    label: 'Connection',
    online: 'Online',
    connecting: 'Connecting…',
    offline: 'Offline',
    signedOut: 'Signed out',
    lastSynced: 'Last synced {{time}}',
    neverSynced: 'Not synced yet',
  },
  workspace: {
    label: 'Queue and ticket',
  },
} as const;

export const pl: Translation<typeof en> = {
  loading: 'Wczytywanie…',
  bridgeMissing: 'Shiftdesk nie może połączyć się ze swoim rdzeniem. Uruchom go z aplikacji Shiftdesk lub hosta przeglądarkowego.',
  sessionError: 'Nie udało się odczytać sesji: {{message}}',
  retry: 'Spróbuj ponownie',
  topBar: {
    productName: 'Shiftdesk',
    signedInAs: 'Zalogowano jako {{name}}',
    signOut: 'Wyloguj się',
    language: 'Język',
  },
  connection: {
    label: 'Połączenie',
    online: 'Online',
    connecting: 'Łączenie…',
    offline: 'Offline',
    signedOut: 'Wylogowano',
    lastSynced: 'Ostatnia synchronizacja {{time}}',
    neverSynced: 'Jeszcze nie zsynchronizowano',
  },
  workspace: {
    label: 'Kolejka i zgłoszenie',
  },
};

export const ru: Translation<typeof en> = {
  loading: 'Загрузка…',
  bridgeMissing: 'Shiftdesk не может связаться со своим ядром. Запустите его из приложения Shiftdesk или через браузерный хост.',
  sessionError: 'Не удалось прочитать сеанс: {{message}}',
  retry: 'Повторить',
  topBar: {
    productName: 'Shiftdesk',
    signedInAs: 'Вы вошли как {{name}}',
    signOut: 'Выйти',
    language: 'Язык',
  },
  connection: {
    label: 'Соединение',
    online: 'В сети',
    connecting: 'Подключение…',
    offline: 'Не в сети',
    signedOut: 'Вход не выполнен',
    lastSynced: 'Последняя синхронизация {{time}}',
    neverSynced: 'Ещё не синхронизировано',
  },
  workspace: {
    label: 'Очередь и заявка',
  },
};

export const lv: Translation<typeof en> = {
  loading: 'Ielādē…',
  bridgeMissing: 'Shiftdesk nevar sasniegt savu kodolu. Palaidiet to no Shiftdesk lietotnes vai pārlūka resursdatora.',
  sessionError: 'Neizdevās nolasīt sesiju: {{message}}',
  retry: 'Mēģināt vēlreiz',
  topBar: {
    productName: 'Shiftdesk',
    signedInAs: 'Pieteicies kā {{name}}',
    signOut: 'Iziet',
    language: 'Valoda',
  },
  connection: {
    label: 'Savienojums',
    online: 'Tiešsaistē',
    connecting: 'Savienojas…',
    offline: 'Bezsaistē',
    signedOut: 'Nav pieteicies',
    lastSynced: 'Pēdējā sinhronizācija {{time}}',
    neverSynced: 'Vēl nav sinhronizēts',
  },
  workspace: {
    label: 'Rinda un pieteikums',
  },
};
