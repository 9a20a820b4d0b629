import type { Locale, User } from '../../../shared/domain/people.js';
import { isLocale } from '../i18n.js';

/**
 * Which language to show. Before sign-in: the language last used on this machine, else the system's.
 * After sign-in: what this agent last picked in the top bar, else their profile's locale — so a shared
 * night-shift machine shows each agent their own language.
 */
const lastUsedKey = 'shiftdesk.language';
const chosenByUserKey = (userId: string) => `shiftdesk.language.${userId}`;

type LanguageStorage = Pick<Storage, 'getItem' | 'setItem'>;

function read(storage: LanguageStorage, key: string): Locale | null {
  try {
    const value = storage.getItem(key);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage can be disabled; the language then simply is not remembered
  }
}

function write(storage: LanguageStorage, key: string, value: Locale): void {
  try {
    storage.setItem(key, value);
  } catch {
    // see read()
  }
}

export function languageBeforeSignIn(storage: LanguageStorage, systemLanguages: readonly string[]): Locale {
  const remembered = read(storage, lastUsedKey);
  if (remembered) return remembered;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function languageForUser(storage: LanguageStorage, user: Pick<User, 'id' | 'locale'>): Locale {
  return read(storage, chosenByUserKey(user.id)) ?? user.locale;
}

/** The agent picked a language in the top bar. */
export function rememberChosenLanguage(storage: LanguageStorage, language: Locale, userId: string | null): void {
  write(storage, lastUsedKey, language);
  if (userId) write(storage, chosenByUserKey(userId), language);
}

/** A language was applied (e.g. from the profile after sign-in): the sign-in screen opens in it next time. */
export function rememberLastUsedLanguage(storage: LanguageStorage, language: Locale): void {
  write(storage, lastUsedKey, language);
}
