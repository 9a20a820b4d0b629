import type { Translation } from '../../i18n-types.js';

export const en = {
  title: 'Sign in to Shiftdesk',
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  server: 'Server: {{url}}',
  failed: 'Sign-in failed. Try again.',
} as const;

export const pl: Translation<typeof en> = {
  title: 'Zaloguj się do Shiftdesk',
  email: 'E-mail',
  password: 'Hasło',
  submit: 'Zaloguj się',
  submitting: 'Logowanie…',
  server: 'Serwer: {{url}}',
  failed: 'Logowanie nie powiodło się. Spróbuj ponownie.',
};

export const ru: Translation<typeof en> = {
  title: 'Вход в Shiftdesk',
  email: 'Электронная почта',
  password: 'Пароль',
  submit: 'Войти',
  submitting: 'Вход…',
  server: 'Сервер: {{url}}',
  failed: 'Не удалось войти. Попробуйте ещё раз.',
};

export const lv: Translation<typeof en> = {
  title: 'Pieteikties Shiftdesk',
  email: 'E-pasts',
  password: 'Parole',
  submit: 'Pieteikties',
  submitting: 'Piesakās…',
  server: 'Serveris: {{url}}',
  failed: 'Pieteikšanās neizdevās. Mēģiniet vēlreiz.',
};
