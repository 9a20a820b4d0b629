import type { Translation } from '../../i18n-types.js';

export const en = {
  title: 'Sign in to Shiftdesk',
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  server: 'Server: {{url}}',
  failed: 'Sign-in failed. Try again.',
  wrongCredentials: 'Wrong email or password.',
  unreachable: 'The server cannot be reached. Check the network or VPN and try again.',
  invalid: 'Enter your email address and password.',
} as const;

export const pl: Translation<typeof en> = {
  title: 'Zaloguj się do Shiftdesk',
  email: 'E-mail',
  password: 'Hasło',
  submit: 'Zaloguj się',
  submitting: 'Logowanie…',
  server: 'Serwer: {{url}}',
  failed: 'Logowanie nie powiodło się. Spróbuj ponownie.',
  wrongCredentials: 'Nieprawidłowy e-mail lub hasło.',
  unreachable: 'Brak połączenia z serwerem. Sprawdź sieć lub VPN i spróbuj ponownie.',
  invalid: 'Podaj adres e-mail i hasło.',
};

export const ru: Translation<typeof en> = {
  title: 'Вход в Shiftdesk',
  email: 'Электронная почта',
  password: 'Пароль',
  submit: 'Войти',
  submitting: 'Вход…',
  server: 'Сервер: {{url}}',
  failed: 'Не удалось войти. Попробуйте ещё раз.',
  wrongCredentials: 'Неверный адрес электронной почты или пароль.',
  unreachable: 'Сервер недоступен. Проверьте сеть или VPN и попробуйте ещё раз.',
  invalid: 'Введите адрес электронной почты и пароль.',
};

export const lv: Translation<typeof en> = {
  title: 'Pieteikties Shiftdesk',
  email: 'E-pasts',
  password: 'Parole',
  submit: 'Pieteikties',
  submitting: 'Piesakās…',
  server: 'Serveris: {{url}}',
  failed: 'Pieteikšanās neizdevās. Mēģiniet vēlreiz.',
  wrongCredentials: 'Nepareizs e-pasts vai parole.',
  unreachable: 'Serveris nav sasniedzams. Pārbaudiet tīklu vai VPN un mēģiniet vēlreiz.',
  invalid: 'Ievadiet e-pasta adresi un paroli.',
};
