/**
 * The words a question is matched on, the same on the server (portal and chat suggestions) and in the
 * console (articles suggested for a ticket): folded, stop words dropped, cut to stems.
 */
const STEM_LENGTH = 4;
// Words that match every article; the rest of a customer's sentence is what tells articles apart.
const stopWords = new Set(
  'the and for you your with this that have has not are was can how what why when does from into our out all any but get got just will would please help hello thanks thank jak nie jest się mam czy dla ale gdy już może proszę dzień dobry что как это для при уже мне нет или есть если здравствуйте спасибо kas nav ir var man lūdzu paldies labdien kā kad'
    .split(' ')
    .map(fold),
);

/** Case and diacritics folded: customers type "haslo" for "hasło". Ł has no decomposition, so it is mapped. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[łŁ]/g, 'l').toLowerCase();
}

/** Word stems cut to four letters: crude, but Polish, Russian and Latvian endings then meet ("hasło", "hasła"). */
export function stems(text: string): string[] {
  return [...new Set((fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !stopWords.has(w)).map((w) => w.slice(0, STEM_LENGTH)))];
}

/**
 * The same stems for an SQLite FTS5 prefix query: the tokenizer removes diacritics itself but keeps
 * "ł", so the letters stay as written (folding "hasła" to "hasl" would miss the indexed "hasła").
 */
export function indexStems(text: string): string[] {
  const words = text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 3 && !stopWords.has(fold(w))).map((w) => w.slice(0, STEM_LENGTH)))];
}
