/**
 * English is the source language: every other language must translate each English key, and may add the
 * plural forms English lacks (`_few`, `_many` for Polish and Russian, `_zero` for Latvian).
 */
export type Translation<Source> = {
  [Key in keyof Source]: Source[Key] extends string ? string : Translation<Source[Key]>;
} & { [pluralForm: string]: unknown };

export interface FeatureStrings<Source> {
  en: Source;
  pl: Translation<Source>;
  ru: Translation<Source>;
  lv: Translation<Source>;
}
