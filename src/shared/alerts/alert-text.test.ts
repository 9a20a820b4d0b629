import { describe, expect, it } from 'vitest';
import { locales } from '../domain/people.js';
import { alertKinds } from './alert.js';
import { alertText } from './alert-text.js';
import { makePageAlert } from './fixtures.js';

const page = makePageAlert();

describe('desktop notification text', () => {
  it('a page names the ticket, its priority, the subject and who escalated why', () => {
    expect(alertText(page, 'en')).toEqual({ title: 'Escalation #1042 · Critical', body: 'VPN drops every 10 minutes\nMarta Nowak: Customer’s whole office is offline' });
    expect(alertText(page, 'pl').title).toBe('Eskalacja #1042 · Krytyczny');
  });

  it('a decline gives its reason; an acknowledgement who took it', () => {
    expect(alertText({ ...page, kind: 'declined', actor: 'Piotr Zieliński', reason: 'In a data-centre, no laptop' }, 'en')).toEqual({
      title: '#1042 declined by Piotr Zieliński',
      body: 'VPN drops every 10 minutes\nIn a data-centre, no laptop',
    });
    expect(alertText({ ...page, kind: 'acknowledged', actor: 'Piotr Zieliński', reason: null }, 'ru')).toEqual({ title: '#1042 — принято: Piotr Zieliński', body: 'VPN drops every 10 minutes' });
  });

  it('every kind has a title in every language, with nothing left unfilled', () => {
    for (const locale of locales) {
      for (const kind of alertKinds) expect(alertText({ ...page, kind }, locale).title, `${locale} ${kind}`).not.toMatch(/[{}]/);
    }
  });
});
