import { describe, expect, it } from 'vitest';
import { customerLocales } from '../../../shared/notifications/templates.js';
import { en } from './en.js';
import { dictionaries, translator } from './translator.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('portal languages', () => {
  it('has every entry in every language, with the same placeholders and every plural form the language needs', () => {
    for (const locale of customerLocales) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, source] of Object.entries(en)) {
        const entry = dictionaries[locale][key as keyof typeof en];
        if (typeof source === 'string') {
          expect(typeof entry, `${locale} ${key}`).toBe('string');
          expect(placeholders(entry as string), `${locale} ${key}`).toEqual(placeholders(source));
          continue;
        }
        for (const category of categories) {
          const form = (entry as Record<string, string>)[category];
          expect(form, `${locale} ${key} (${category})`).toBeTruthy();
          expect(placeholders(form!), `${locale} ${key} (${category})`).toEqual(placeholders(source.other));
        }
      }
    }
  });

  it('says counts as each language does', () => {
    const pl = translator('pl');
    expect([1, 2, 5, 22, 25].map((n) => pl.plural('requests.count', n))).toEqual(['1 zgłoszenie', '2 zgłoszenia', '5 zgłoszeń', '22 zgłoszenia', '25 zgłoszeń']);
    const ru = translator('ru');
    expect([1, 3, 11, 21].map((n) => ru.plural('requests.count', n))).toEqual(['1 обращение', '3 обращения', '11 обращений', '21 обращение']);
    const lv = translator('lv');
    expect([1, 2, 10, 21].map((n) => lv.plural('requests.count', n))).toEqual(['1 pieteikums', '2 pieteikumi', '10 pieteikumu', '21 pieteikums']);
    expect(translator('en').plural('requests.count', 1)).toBe('1 request');
    expect(translator('en').plural('kb.results', 1_200)).toBe('1,200 articles found');
  });

  it('fills values and formats sizes in the reader’s language', () => {
    expect(translator('en').t('request.title', { number: 1042 })).toBe('Request 1042');
    expect(translator('en').size(10 * 1024 * 1024)).toBe('10 MB');
    expect(translator('pl').size(1536)).toBe('2 kB');
  });
});
