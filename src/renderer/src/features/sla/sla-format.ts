import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** "Europe/Warsaw (Central European Time)": the id an admin typed, and the name people say. */
export function timeZoneLabel(timeZone: string, locale: string): string {
  try {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
    return name && name !== timeZone ? `${timeZone} (${name})` : timeZone;
  } catch {
    return timeZone;
  }
}

/** A calendar day ("2026-04-05") as the agent reads it, with its weekday: "Sun, Apr 5, 2026". */
export function formatLocalDate(localDate: string, locale: string): string {
  const noon = Date.parse(`${localDate}T12:00:00Z`);
  if (Number.isNaN(noon)) return localDate;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }).format(noon);
}

/** Business minutes in the agent's language: "42 min", "7 h 52 min", "8 h". */
export function useMinutesFormat(): (minutes: number) => string {
  const { t } = useTranslation('sla');
  return useCallback(
    (value: number) => {
      const total = Math.max(0, Math.round(value));
      const hours = Math.floor(total / 60);
      const minutes = total % 60;
      if (hours === 0) return t('duration.minutes', { minutes });
      if (minutes === 0) return t('duration.hours', { hours });
      return t('duration.hoursMinutes', { hours, minutes });
    },
    [t],
  );
}
