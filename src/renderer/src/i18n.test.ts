import { locales } from '../../shared/domain/people.js';
import { createI18n, resources } from './i18n.js';

type Tree = { [key: string]: string | Tree };

/** Keys with their plural suffix removed: English says `_one`/`_other`, Polish adds `_few`/`_many`. */
function baseKeys(tree: Tree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key.replace(/_(zero|one|two|few|many|other)$/, '');
    if (typeof value === 'string') keys.add(path);
    else for (const nested of baseKeys(value, `${path}.`)) keys.add(nested);
  }
  return keys;
}

describe('translations', () => {
  it('every language translates every English string, and nothing English lacks', () => {
    const english = baseKeys(resources.en as Tree);
    for (const locale of locales) expect([...baseKeys(resources[locale] as Tree)].sort()).toEqual([...english].sort());
  });

  it('every plural has the forms its language needs', () => {
    const forms = { en: ['one', 'other'], pl: ['one', 'few', 'many', 'other'], ru: ['one', 'few', 'many', 'other'], lv: ['zero', 'one', 'other'] };
    for (const locale of locales) {
      expect(new Intl.PluralRules(locale).resolvedOptions().pluralCategories.sort()).toEqual([...forms[locale]].sort());
      const queue = (resources[locale] as Tree)['queue'] as Tree;
      for (const form of forms[locale]) expect(queue[`ticketCount_${form}`], `${locale} ticketCount_${form}`).toBeTypeOf('string');
    }
  });

  it('counts tickets in Polish: 1 zgłoszenie, 2 zgłoszenia, 5 zgłoszeń', () => {
    const { t } = createI18n('pl');
    const say = (count: number) => t('queue:ticketCount', { count });

    expect([1, 2, 4, 5, 12, 22, 25, 0].map(say)).toEqual([
      '1 zgłoszenie',
      '2 zgłoszenia',
      '4 zgłoszenia',
      '5 zgłoszeń',
      '12 zgłoszeń',
      '22 zgłoszenia',
      '25 zgłoszeń',
      '0 zgłoszeń',
    ]);
  });

  it('counts tickets in Russian: 1 заявка, 3 заявки, 5 заявок, 21 заявка', () => {
    const { t } = createI18n('ru');
    const say = (count: number) => t('queue:ticketCount', { count });

    expect([1, 3, 5, 11, 21, 22, 0].map(say)).toEqual([
      '1 заявка',
      '3 заявки',
      '5 заявок',
      '11 заявок',
      '21 заявка',
      '22 заявки',
      '0 заявок',
    ]);
  });

  it('counts tickets in Latvian: 0 pieteikumu, 1 pieteikums, 2 pieteikumi, 21 pieteikums', () => {
    const { t } = createI18n('lv');
    const say = (count: number) => t('queue:ticketCount', { count });

    expect([0, 1, 2, 10, 21].map(say)).toEqual(['0 pieteikumu', '1 pieteikums', '2 pieteikumi', '10 pieteikumu', '21 pieteikums']);
  });

  it('names channels, priorities, statuses and tiers in each language', () => {
    expect(createI18n('pl').t('labels:priority.critical')).toBe('Krytyczny');
    expect(createI18n('ru').t('labels:status.pending')).toBe('Ждёт клиента');
    expect(createI18n('lv').t('labels:channel.phone')).toBe('Tālrunis');
    expect(createI18n('en').t('labels:customerTier.premium')).toBe('Premium');
  });
});
