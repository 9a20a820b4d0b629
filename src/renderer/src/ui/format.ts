import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../services.js';

export type DateTimeStyle = Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'>;

/** Builds a formatter in the agent's language and time zone; an unknown zone falls back to the system's. */
export function dateTimeFormatter(locale: string, timeZone: string | undefined, style: DateTimeStyle): (iso: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { ...style, timeZone });
  } catch {
    format = new Intl.DateTimeFormat(locale, style);
  }
  return (iso) => format.format(new Date(iso));
}

const defaultStyle: DateTimeStyle = { dateStyle: 'medium', timeStyle: 'short' };

/** Times are shown in the signed-in agent's time zone, in the language on screen. */
export function useDateTimeFormat(style: DateTimeStyle = defaultStyle): (iso: string) => string {
  const { i18n } = useTranslation();
  const timeZone = useSession((session) => session.user?.timeZone);
  const { dateStyle, timeStyle } = style;
  return useMemo(
    () => dateTimeFormatter(i18n.language, timeZone, { dateStyle, timeStyle }),
    [i18n.language, timeZone, dateStyle, timeStyle],
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
