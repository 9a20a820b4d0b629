import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useDeskServices, useSession, useSettings } from '../services.js';

export type DateTimeStyle = Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'>;

/** A formatter in a language and time zone; an unknown zone falls back to the system's rather than throw. */
export function zonedFormat(locale: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(locale, options);
  }
}

/** Builds a formatter in the agent's language and time zone. */
export function dateTimeFormatter(locale: string, timeZone: string | undefined, style: Intl.DateTimeFormatOptions): (iso: string) => string {
  const format = zonedFormat(locale, timeZone, style);
  return (iso) => format.format(new Date(iso));
}

/**
 * The zone every time on screen is shown in: the one the agent picked in Settings, else their profile's,
 * else (before the session is read) the system's.
 */
export function useTimeZone(): string {
  const chosen = useSettings((state) => state.settings.timeZone);
  const profile = useSession((session) => session.user?.timeZone);
  return chosen ?? profile ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const defaultStyle: DateTimeStyle = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * Times are shown in the agent's time zone, in the language on screen. `options` is read once per
 * language and zone: pass a constant.
 */
export function useDateTimeFormat(options: Intl.DateTimeFormatOptions = defaultStyle): (iso: string) => string {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  const key = JSON.stringify(options);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the options' content
  return useMemo(() => dateTimeFormatter(i18n.language, timeZone, options), [i18n.language, timeZone, key]);
}

/** "45 minutes ago", "2 hours ago", "3 days ago": Intl's own plural forms in every language. */
export function ageFormatter(locale: string): (ms: number) => string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  return (ms) => {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    if (minutes < 60) return format.format(-minutes, 'minute');
    const hours = Math.floor(minutes / 60);
    return hours < 48 ? format.format(-hours, 'hour') : format.format(-Math.floor(hours / 24), 'day');
  };
}

/**
 * The shared ticker's time, to the minute (ms since the epoch): what changes by the minute (an age,
 * a shift's end coming closer) re-renders once a minute rather than with every tick.
 */
export function useMinute(): number {
  const { ticker } = useDeskServices();
  useEffect(() => ticker.retain(), [ticker]);
  return useStore(ticker.store, (state) => Math.floor(state.now / 60_000)) * 60_000;
}

/** How long ago an instant was, in the language on screen, by the shared ticker. */
export function useAgeFormat(): (iso: string) => string {
  const { i18n } = useTranslation();
  const now = useMinute();
  return useMemo(() => {
    const format = ageFormatter(i18n.language);
    return (iso) => format(now - Date.parse(iso));
  }, [i18n.language, now]);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
