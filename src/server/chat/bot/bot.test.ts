import { describe, expect, it } from 'vitest';
import type { ArticleHit } from '../../knowledge/article-search.js';
import { intentOf } from './intents.js';
import { botPhrases } from './phrases.js';
import { botTurn, worthOffering } from './turn.js';

const hit = (title: string, score: number, coverage: number): ArticleHit => ({ id: title, title, excerpt: '', locale: 'en', score, coverage });

describe('chat assistant: reading the visitor', () => {
  it.each([
    ['The whole site is down!', 'en'],
    ['We have an outage in Riga', 'en'],
    ['URGENT: nobody can log in', 'en'],
    ['I think we had a security breach', 'en'],
    ['Awaria serwera od rana', 'pl'],
    ['Pilne! Klienci nie mogą płacić', 'pl'],
    ['Panel nie działa', 'pl'],
    ['У нас авария', 'ru'],
    ['Срочно нужна помощь', 'ru'],
    ['Сайт не работает', 'ru'],
    ['Avārija datu centrā', 'lv'],
    ['Steidzami! Sistēma nedarbojas', 'lv'],
  ] as const)('"%s" is critical', (text, locale) => {
    expect(intentOf(text, locale, false)).toBe('critical');
  });

  it.each([
    ['Can I talk to a human?', 'en'],
    ['I want to speak with a real person please', 'en'],
    ['connect me to an agent', 'en'],
    ['Chcę porozmawiać z konsultantem', 'pl'],
    ['Proszę o kontakt z człowiekiem', 'pl'],
    ['Соедините с оператором', 'ru'],
    ['Хочу поговорить с человеком', 'ru'],
    ['Vēlos runāt ar cilvēku', 'lv'],
    ['Lūdzu, darbinieku', 'lv'],
  ] as const)('"%s" asks for a person', (text, locale) => {
    expect(intentOf(text, locale, false)).toBe('human');
  });

  it('takes questions about agents and downloads for questions, not for requests or emergencies', () => {
    expect(intentOf('How do I add an agent to my team?', 'en', false)).toBe('question');
    expect(intentOf('Where do I download my invoice?', 'en', false)).toBe('question');
    expect(intentOf('Jak pobrać fakturę?', 'pl', false)).toBe('question');
  });

  it('asks for the problem when the words say nothing to search by', () => {
    expect(intentOf('Hello!', 'en', false)).toBe('vague');
    expect(intentOf('dzień dobry', 'pl', false)).toBe('vague');
    expect(intentOf('?', 'ru', false)).toBe('vague');
  });

  it('hears Yes and No only while waiting for feedback, in the chosen language or in English', () => {
    expect(intentOf('yes', 'en', false)).not.toBe('solved');
    expect(intentOf('Yes, thanks!', 'en', true)).toBe('solved');
    expect(intentOf('Tak, dziękuję', 'pl', true)).toBe('solved');
    expect(intentOf('Да, помогло', 'ru', true)).toBe('solved');
    expect(intentOf('Jā, paldies', 'lv', true)).toBe('solved');
    expect(intentOf('yes', 'ru', true)).toBe('solved');
    expect(intentOf('No', 'en', true)).toBe('not_solved');
    expect(intentOf('Nie, nadal nie mogę się zalogować', 'pl', true)).toBe('not_solved');
    expect(intentOf('Нет', 'ru', true)).toBe('not_solved');
    expect(intentOf('Nē', 'lv', true)).toBe('not_solved');
    // Polish "ja" is "I", Latvian "jā" is "yes".
    expect(intentOf('ja mam inny problem z fakturą', 'pl', true)).toBe('question');
    expect(intentOf('yes but it still fails', 'en', true)).toBe('question');
  });

  it('lets urgency win over Yes and No', () => {
    expect(intentOf('No, and now everything is down', 'en', true)).toBe('critical');
  });
});

describe('chat assistant: what it does next', () => {
  it('offers up to three articles that cover half the words and score a title match', () => {
    const hits = [hit('a', 11.5, 1), hit('b', 5.5, 0.67), hit('c', 4.5, 0.33), hit('d', 4, 0.5), hit('e', 3.5, 0.5), hit('f', 1.5, 1)];
    expect(worthOffering(hits).map((h) => h.title)).toEqual(['a', 'b', 'd']);
    expect(worthOffering([hit('shoe size', 4.5, 0.25), hit('today', 1.5, 0.5)])).toEqual([]);
  });

  it('hands over for urgency, a request, a No, or nothing worth offering; resolves on Yes', () => {
    expect(botTurn('critical', [])).toEqual({ kind: 'handover', reason: 'critical' });
    expect(botTurn('human', [])).toEqual({ kind: 'handover', reason: 'asked' });
    expect(botTurn('not_solved', [])).toEqual({ kind: 'handover', reason: 'not_solved' });
    expect(botTurn('question', [hit('weak', 1.5, 0.5)])).toEqual({ kind: 'handover', reason: 'no_match' });
    expect(botTurn('question', [hit('good', 8, 1)])).toMatchObject({ kind: 'offer', articles: [{ title: 'good' }] });
    expect(botTurn('solved', [])).toEqual({ kind: 'resolved' });
    expect(botTurn('vague', [])).toEqual({ kind: 'describe' });
  });

  it('speaks every language it greets in', () => {
    for (const phrases of Object.values(botPhrases)) {
      for (const text of [phrases.greeting('Ann'), phrases.greetingClosed('Ann'), phrases.describe, phrases.offer, phrases.askSolved, phrases.resolved, ...Object.values(phrases.handover), ...Object.values(phrases.action)]) {
        expect(text.trim().length).toBeGreaterThan(0);
      }
    }
    expect(new Set(Object.values(botPhrases).map((p) => p.askSolved)).size).toBe(4);
  });
});
