import type { Locale } from '../../../shared/domain/people.js';

/** Each language is named in itself, so anyone can find their own. */
export const languageNames: Record<Locale, string> = { en: 'English', pl: 'Polski', ru: 'Русский', lv: 'Latviešu' };
