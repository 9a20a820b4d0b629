import { locales } from '../../../shared/domain/people.js';
import { languageNames } from './language-names.js';

/** The console's four languages as a select's options, each named in itself and marked with its lang. */
export function LocaleOptions() {
  return locales.map((locale) => (
    <option key={locale} value={locale} lang={locale}>
      {languageNames[locale]}
    </option>
  ));
}
