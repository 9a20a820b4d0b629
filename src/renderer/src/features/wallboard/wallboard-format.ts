import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "45 min", "3 h 5 min", "2 d": how long, in the language on screen, with Intl's own unit words and
 * plural forms (so no translation file has to spell them). Seconds show only under a minute, and not
 * at all with `wholeMinutes` (an age on a board that moves by the minute: "0 min", not "0 sec").
 */
export function durationFormatter(locale: string, { wholeMinutes = false } = {}): (ms: number) => string {
  const unit = (name: 'second' | 'minute' | 'hour' | 'day') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 });
  const [seconds, minutes, hours, days] = [unit('second'), unit('minute'), unit('hour'), unit('day')];
  return (ms) => {
    const totalSeconds = Math.max(0, Math.round(ms / 1000));
    if (totalSeconds < 60 && !wholeMinutes) return seconds.format(totalSeconds);
    const totalMinutes = Math.floor(totalSeconds / 60);
    if (totalMinutes < 60) return minutes.format(totalMinutes);
    const totalHours = Math.floor(totalMinutes / 60);
    if (totalHours >= 48) return days.format(Math.floor(totalHours / 24));
    const rest = totalMinutes % 60;
    return rest === 0 ? hours.format(totalHours) : `${hours.format(totalHours)} ${minutes.format(rest)}`;
  };
}

export function useWallboardFormats() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
    return {
      duration: durationFormatter(i18n.language),
      age: durationFormatter(i18n.language, { wholeMinutes: true }),
      percent: (share: number) => percent.format(share),
    };
  }, [i18n.language]);
}
