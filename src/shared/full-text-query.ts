/**
 * What someone typed into a search box, as an SQLite FTS5 query: every word must appear, as a word
 * prefix (so "passw" finds "password"), and FTS5 syntax in the input is inert because each word is
 * quoted. Null when nothing searchable was typed. The console's offline search and the server's
 * REST search both go through it, so the same words find the same notes and articles everywhere.
 */
export function fullTextQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ');
}
