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

/** Each plural key (without its suffix) with the forms it has. */
function plurals(tree: Tree, prefix = ''): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value !== 'string') {
      for (const [nested, set] of plurals(value, `${prefix}${key}.`)) found.set(nested, set);
      continue;
    }
    const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
    if (!match) continue;
    const set = found.get(prefix + match[1]) ?? new Set<string>();
    set.add(match[2]!);
    found.set(prefix + match[1], set);
  }
  return found;
}

/** Each key (plural forms together) with the {{variables}} its strings use. */
function variables(tree: Tree, prefix = ''): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value !== 'string') {
      for (const [nested, set] of variables(value, `${prefix}${key}.`)) found.set(nested, set);
      continue;
    }
    const path = prefix + key.replace(/_(zero|one|two|few|many|other)$/, '');
    const set = found.get(path) ?? new Set<string>();
    for (const match of value.matchAll(/{{\s*([\w.]+)\s*(?:,[^}]*)?}}/g)) set.add(match[1]!);
    found.set(path, set);
  }
  return found;
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

  it('every plural of every namespace has exactly the forms Intl.PluralRules names for its language', () => {
    const english = plurals(resources.en as Tree);
    for (const locale of locales) {
      const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
      const found = plurals(resources[locale] as Tree);
      const problems = [...found].filter(([, set]) => [...set].sort().join() !== categories.join()).map(([key, set]) => `${locale} ${key}: ${[...set].sort().join()}`);
      // A key plural in one language is plural in all (so a count changes the words everywhere).
      const notPlural = [...english.keys()].filter((key) => !found.has(key)).map((key) => `${locale} ${key}: not plural`);
      expect([...problems, ...notPlural]).toEqual([]);
    }
  });

  it('every translation uses the same {{variables}} as the English string', () => {
    const problems: string[] = [];
    const english = variables(resources.en as Tree);
    for (const locale of locales) {
      const found = variables(resources[locale] as Tree);
      for (const [key, vars] of english) {
        const theirs = found.get(key) ?? new Set<string>();
        // `count` may stay unsaid in a form such as Polish "one" ("jedno zgłoszenie"); every other variable must appear.
        const missing = [...vars].filter((name) => name !== 'count' && !theirs.has(name));
        const unknown = [...theirs].filter((name) => !vars.has(name) && name !== 'count');
        if (missing.length + unknown.length > 0) problems.push(`${locale} ${key}: missing ${missing.join()} unknown ${unknown.join()}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('counts business time and SLA lines in each language\'s plural forms', () => {
    const used = (language: 'en' | 'pl' | 'ru' | 'lv', count: number) => createI18n(language).t('sla:clocks.usedMinutes', { used: '5 min', count });

    expect([1, 60].map((n) => used('en', n))).toEqual(['5 min of 1 business minute used', '5 min of 60 business minutes used']);
    expect([1, 2, 5, 22].map((n) => used('pl', n))).toEqual([
      'Wykorzystano 5 min z 1 minuty roboczej',
      'Wykorzystano 5 min z 2 minut roboczych',
      'Wykorzystano 5 min z 5 minut roboczych',
      'Wykorzystano 5 min z 22 minut roboczych',
    ]);
    expect([1, 3, 5, 21].map((n) => used('ru', n))).toEqual([
      'Использовано 5 min из 1 рабочей минуты',
      'Использовано 5 min из 3 рабочих минут',
      'Использовано 5 min из 5 рабочих минут',
      'Использовано 5 min из 21 рабочей минуты',
    ]);
    expect([10, 1, 21, 30].map((n) => used('lv', n))).toEqual([
      'Izlietots 5 min no 10 darba minūtēm',
      'Izlietots 5 min no 1 darba minūtes',
      'Izlietots 5 min no 21 darba minūtes',
      'Izlietots 5 min no 30 darba minūtēm',
    ]);
    expect([1, 2, 5].map((count) => createI18n('ru').t('sla:why.late', { count }))).toEqual([
      '1 ответ, написанный офлайн',
      '2 ответа, написанных офлайн',
      '5 ответов, написанных офлайн',
    ]);
    expect([0, 1, 2].map((count) => createI18n('lv').t('sla:why.skipped', { count }))).toEqual([
      '0 izlaistu noteikumu',
      '1 izlaists noteikums',
      '2 izlaisti noteikumi',
    ]);
    expect(createI18n('pl').t('sla:target.nextReply')).toBe('Kolejna odpowiedź');
  });

  it('counts changes waiting to be sent in each language\'s plural forms', () => {
    const waiting = (language: 'en' | 'pl' | 'ru' | 'lv', count: number) =>
      createI18n(language).t('sync:banner.offline', { count }).replace(/^[^.]*\. /, '');
    const sending = (language: 'en' | 'pl' | 'ru' | 'lv', count: number) => createI18n(language).t('sync:banner.sending', { count });

    expect([1, 2].map((n) => waiting('en', n))).toEqual(['1 change waiting to be sent.', '2 changes waiting to be sent.']);
    expect([1, 2, 5, 22].map((n) => waiting('pl', n))).toEqual([
      '1 zmiana czeka na wysłanie.',
      '2 zmiany czekają na wysłanie.',
      '5 zmian czeka na wysłanie.',
      '22 zmiany czekają na wysłanie.',
    ]);
    expect([1, 3, 5, 21].map((n) => waiting('ru', n))).toEqual([
      '1 изменение ждёт отправки.',
      '3 изменения ждут отправки.',
      '5 изменений ждут отправки.',
      '21 изменение ждёт отправки.',
    ]);
    expect([0, 1, 2, 21].map((n) => waiting('lv', n))).toEqual([
      '0 izmaiņu gaida nosūtīšanu.',
      '1 izmaiņa gaida nosūtīšanu.',
      '2 izmaiņas gaida nosūtīšanu.',
      '21 izmaiņa gaida nosūtīšanu.',
    ]);
    expect([1, 2, 5].map((n) => sending('pl', n))).toEqual(['Wysyłanie 1 zmiany…', 'Wysyłanie 2 zmian…', 'Wysyłanie 5 zmian…']);
    expect([1, 2, 5].map((n) => sending('ru', n))).toEqual(['Отправка 1 изменения…', 'Отправка 2 изменений…', 'Отправка 5 изменений…']);
    expect([10, 1, 2].map((n) => sending('lv', n))).toEqual(['Sūta 10 izmaiņu…', 'Sūta 1 izmaiņu…', 'Sūta 2 izmaiņas…']);
    expect([1, 2, 5].map((count) => createI18n('pl').t('sync:refused.title', { count }))).toEqual([
      'Serwer odrzucił 1 zmianę',
      'Serwer odrzucił 2 zmiany',
      'Serwer odrzucił 5 zmian',
    ]);
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

  it('counts tickets in Russian: 1 заявка, 2 заявки, 5 заявок, 21 заявка', () => {
    const { t } = createI18n('ru');
    const say = (count: number) => t('queue:ticketCount', { count });

    expect([1, 2, 3, 5, 11, 21, 22, 0].map(say)).toEqual([
      '1 заявка',
      '2 заявки',
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
