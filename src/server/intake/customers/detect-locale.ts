import { customerLocales, type CustomerLocale } from '../../../shared/notifications/templates.js';

// Letters only one of our languages uses: Polish and Latvian diacritics do not overlap, and Cyrillic
// here is Russian (the desk answers no other Cyrillic language).
const polish = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/g;
const latvian = /[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]/g;
const cyrillic = /[\u0400-\u04FF]/g;

/** A declared language (Content-Language, a browser's Accept-Language, a form's choice) when we speak it. */
export function declaredLocale(value: string | undefined | null): CustomerLocale | null {
  if (!value) return null;
  for (const part of value.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
    if ((customerLocales as readonly string[]).includes(tag)) return tag as CustomerLocale;
  }
  return null;
}

/** The language of what the customer wrote, from the letters it uses; English when nothing tells. */
export function detectLocale(text: string): CustomerLocale {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const scores: [CustomerLocale, number][] = [
    ['ru', count(cyrillic)],
    ['pl', count(polish)],
    ['lv', count(latvian)],
  ];
  const [best, score] = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
  return score >= 2 ? best : 'en';
}
