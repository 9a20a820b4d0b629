import type { CustomerLocale } from '../../../shared/notifications/templates.js';
import type { Dictionary, PluralKey, TextKey } from './dictionary.js';
import { en } from './en.js';
import { lv } from './lv.js';
import { pl } from './pl.js';
import { ru } from './ru.js';

export const dictionaries: Record<CustomerLocale, Dictionary> = { en, pl, ru, lv };

/** The names languages have in themselves, for the switcher. */
export const languageNames: Record<CustomerLocale, string> = { en: 'English', pl: 'Polski', ru: 'Русский', lv: 'Latviešu' };

type Values = Readonly<Record<string, string | number>>;

export interface Translator {
  locale: CustomerLocale;
  t(key: TextKey, values?: Values): string;
  /** The form of `key` that fits `n` in this language. */
  plural(key: PluralKey, n: number, values?: Values): string;
  /** A byte count as people read it: "350 kB", "10 MB". */
  size(bytes: number): string;
  /** An instant in UTC; the page's script shows it in the reader's own time zone. */
  dateTime(iso: string): string;
}

/** The options the page's script formats `<time>` with too, so both read alike. */
const dateTimeOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };

export function translator(locale: CustomerLocale): Translator {
  const dictionary = dictionaries[locale];
  const numbers = new Intl.NumberFormat(locale);
  const rules = new Intl.PluralRules(locale);
  const fill = (text: string, values: Values) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  return {
    locale,
    t: (key, values = {}) => fill(dictionary[key], values),
    plural(key, n, values = {}) {
      const forms = dictionary[key];
      return fill(forms[rules.select(n)] ?? forms.other, { ...values, n: numbers.format(n) });
    },
    size(bytes) {
      const mega = bytes >= 1024 * 1024;
      return new Intl.NumberFormat(locale, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: mega ? 1 : 0 }).format(
        mega ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)),
      );
    },
    dateTime: (iso) => new Intl.DateTimeFormat(locale, { ...dateTimeOptions, timeZone: 'UTC' }).format(new Date(iso)),
  };
}
