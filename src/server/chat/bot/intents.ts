import type { CustomerLocale } from '../../../shared/notifications/templates.js';
import { fold, stems } from '../../knowledge/article-search.js';

/** What a visitor's line asks of the assistant, before any article is searched for. */
export type Intent = 'critical' | 'human' | 'solved' | 'not_solved' | 'vague' | 'question';

/**
 * Text as the patterns below see it: folded (no case, no diacritics: "Awaria" and "awarię" meet
 * "awari"), words separated by single spaces and the whole padded with spaces, so a pattern matches
 * whole words in any script (JavaScript's \b knows only ASCII letters).
 */
function words(text: string): string {
  return ` ${fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** Patterns are written folded; `\p{L}*` after a stem takes any ending (Polish, Russian and Latvian inflect). */
const anyOf = (patterns: readonly string[]) => new RegExp(` (?:${patterns.join('|')}) `, 'u');

/**
 * Words that make a chat urgent in any of the four languages, whatever language the visitor chose.
 * "Not working" is here because the desk treats "не работает" as critical, and a customer's language
 * must not change how urgent the same words are.
 */
const critical = anyOf([
  // English
  'outages?',
  'down',
  'urgent\\p{L}*',
  'emergenc\\p{L}*',
  '(security |data )?breach\\p{L}*',
  'hacked',
  'data leak\\p{L}*',
  'not working',
  'doesn t work',
  'does not work',
  'stopped working',
  // Polish
  'awari\\p{L}*',
  'pilne',
  'pilnie',
  'pilny',
  'pilna',
  'nie dzial\\p{L}*',
  'wlam\\p{L}*',
  'wyciek\\p{L}*',
  // Russian (folded: й is и, ё is е)
  'авари\\p{L}*',
  'срочн\\p{L}*',
  'не работа\\p{L}*',
  'взлом\\p{L}*',
  'утечк\\p{L}*',
  // Latvian
  'avarij\\p{L}*',
  'steidzam\\p{L}*',
  'nedarbojas',
  'nestrada',
  'uzlauz\\p{L}*',
  'noplud\\p{L}*',
]);

/**
 * Asking for a person, in any of the four languages. Bare "agent" or "person" are not enough: "how do
 * I add an agent" is a question for the help centre, not a request for one.
 */
const human = anyOf([
  // English
  'humans?',
  'real (person|people|human)',
  'live (agent|person|support|chat)',
  '(a |your )?representative',
  '(talk|speak|chat|connect me) (to|with) (a |an |the |some |your |real )?(person|human|agent|operator|someone|somebody|representative|support|staff)',
  // Polish
  'czlowiek\\p{L}*',
  'konsultant\\p{L}*',
  '(z )?(kims|pracownikiem|agentem|operatorem)',
  '(zywa|prawdziwa) osob\\p{L}*',
  // Russian: the instrumental case is how one asks to talk "with" someone
  '(с |со )?(человеком|оператором|консультантом|сотрудником|специалистом|менеджером)',
  'оператор\\p{L}*',
  'жив\\p{L}* (человек|оператор)\\p{L}*',
  // Latvian
  'cilvek\\p{L}*',
  'darbiniek\\p{L}*',
  'konsultant\\p{L}*',
  'operator\\p{L}*',
]);

// Yes and no depend on the chosen language: Polish "ja" is "I", Latvian "jā" (folded "ja") is "yes".
// English ones are understood everywhere, as customers often answer in English.
const yes: Record<CustomerLocale, readonly string[]> = {
  en: [],
  pl: ['tak', 'pomoglo', 'pomogl\\p{L}*', 'dziala'],
  ru: ['да', 'ага', 'помогло', 'помогли'],
  lv: ['ja', 'palidzeja'],
};
const no: Record<CustomerLocale, readonly string[]> = {
  en: [],
  pl: ['nie'],
  ru: ['нет', 'не помогл\\p{L}*'],
  lv: ['ne', 'nepalidzeja'],
};
const englishYes = ['yes', 'yeah', 'yep', 'yup', 'sure', 'it (did|worked|helped)', 'that (did|worked|helped)', 'solved', 'thanks?', 'thank you'];
const englishNo = ['no', 'nope', 'nah', 'not really', 'it didn t', 'did not help', 'didn t help'];
const startsWith = (patterns: readonly string[]) => new RegExp(`^ (?:${patterns.join('|')}) `, 'u');
const yesBy = Object.fromEntries(Object.entries(yes).map(([locale, words]) => [locale, startsWith([...englishYes, ...words])])) as Record<CustomerLocale, RegExp>;
const noBy = Object.fromEntries(Object.entries(no).map(([locale, words]) => [locale, startsWith([...englishNo, ...words])])) as Record<CustomerLocale, RegExp>;
// "Yes, but it still fails" is not a yes.
const but = anyOf(['but', 'still', 'ale', 'wciaz', 'nadal', 'но', 'все еще', 'bet', 'joprojam']);

/**
 * Reads a visitor's line. Urgency and a request for a person win over everything; Yes or No count
 * only while the assistant waits for feedback on the articles it offered.
 */
export function intentOf(text: string, locale: CustomerLocale, awaitingFeedback: boolean): Intent {
  const said = words(text);
  if (critical.test(said)) return 'critical';
  if (human.test(said)) return 'human';
  if (awaitingFeedback) {
    if (noBy[locale].test(said)) return 'not_solved';
    if (yesBy[locale].test(said) && !but.test(said)) return 'solved';
  }
  // "Hello?" leaves nothing to search by: the assistant asks for the problem instead of giving up.
  return stems(text).length > 0 ? 'question' : 'vague';
}
