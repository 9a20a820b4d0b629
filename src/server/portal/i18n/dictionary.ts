import type { en } from './en.js';

/** One text per plural category the language has ("1 zgłoszenie, 2 zgłoszenia, 5 zgłoszeń"). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

type Source = typeof en;
export type TextKey = { [K in keyof Source]: Source[K] extends string ? K : never }[keyof Source];
export type PluralKey = Exclude<keyof Source, TextKey>;

/** Every language has every English entry, with plural entries as plural forms. */
export type Dictionary = { [K in keyof Source]: Source[K] extends string ? string : PluralForms };
