/**
 * What a customer newly wrote in a mail, without the history their client quoted below it and
 * without their signature: the thread already holds the history, and agents read the new words
 * faster. Knows the marks of Gmail, Outlook, Thunderbird and Apple Mail in English, Polish, Russian
 * and Latvian. What it cuts stays in the original, which agents can open.
 */
export function cutQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // A forward is what the customer wants us to read: it and everything after it is kept whole.
  const forwardAt = lines.findIndex(isForwardMarker);
  const head = forwardAt === -1 ? lines : lines.slice(0, forwardAt);
  const forwarded = forwardAt === -1 ? [] : lines.slice(forwardAt);
  const cleaned = [...withoutTrailingQuote(beforeHistory(head)), ...(forwarded.length > 0 ? ['', ...forwarded] : [])];
  const result = trimBlankLines(cleaned).join('\n');
  // A mail that is all quote or all signature is shown as sent, rather than as nothing.
  return result.trim() ? result : trimBlankLines(lines).join('\n');
}

const quoted = (line: string) => /^\s*>/.test(line);
const blank = (line: string) => line.trim() === '';

// "-- " is the standard signature delimiter; many clients strip its trailing space.
const signatureDelimiter = /^--\s?$/;
const mobileSignOff = /^(sent from (my |outlook|mail for|yahoo)|get outlook for |wysłane z |wysłano z |отправлено (с|из) |nosūtīts (no|ar) )/iu;
const originalMessage = /^\s*-{2,}\s*(original message|wiadomość oryginalna|oryginalna wiadomość|исходное сообщение|sākotnējais ziņojums|oriģinālais ziņojums)\s*-{2,}\s*$/iu;
const forwardWords = /forward|przekaz|пересыл|переадрес|pārsūt/iu;
// Outlook's header block of the message it quotes: From, then Sent/Date and Subject within a few lines.
const headerFrom = /^\s*\*?(from|od|от|no)\s*:\*?\s*\S/iu;
const headerSent = /^\s*\*?(sent|date|wysłano|wysłane|data|отправлено|дата|nosūtīts|datums)\s*:/iu;
const headerSubject = /^\s*\*?(subject|temat|тема|tēma)\s*:/iu;
const rule = /^\s*[-_=]{8,}\s*$/;
const timeOfDay = /\d{1,2}:\d{2}/;

function isForwardMarker(line: string): boolean {
  const trimmed = line.trim();
  if (!forwardWords.test(trimmed) || trimmed.length > 80) return false;
  // "---------- Forwarded message ---------" (Gmail, Thunderbird) or "Begin forwarded message:" (Apple Mail).
  return /^-{2,}.*-{2,}$/.test(trimmed) || trimmed.endsWith(':');
}

/** The lines before the first signature, Outlook history or mobile sign-off. */
function beforeHistory(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (signatureDelimiter.test(line) || (line.length < 100 && mobileSignOff.test(line.trim())) || originalMessage.test(line) || isHeaderBlock(lines, i)) {
      return lines.slice(0, ruleAbove(lines, i));
    }
  }
  return lines;
}

function isHeaderBlock(lines: string[], at: number): boolean {
  if (!headerFrom.test(lines[at]!)) return false;
  const next = lines.slice(at + 1, at + 6);
  return next.some((l) => headerSent.test(l)) && next.some((l) => headerSubject.test(l));
}

/** Outlook draws a line above the quoted headers; it goes with them. */
function ruleAbove(lines: string[], at: number): number {
  let i = at - 1;
  while (i >= 0 && blank(lines[i]!)) i--;
  return i >= 0 && rule.test(lines[i]!) ? i : at;
}

/**
 * Quoted lines at the end go, with the attribution that introduces them ("On …, Jan wrote:", "W dniu
 * … napisał(a):", "… пишет:", "… rakstīja:": whatever the language, a line ending in a colon that
 * names an address or a time). Quotes between the customer's own lines stay: an answer given inline
 * means nothing without the question above it.
 */
function withoutTrailingQuote(lines: string[]): string[] {
  let end = lines.length;
  let sawQuote = false;
  while (end > 0 && (blank(lines[end - 1]!) || quoted(lines[end - 1]!))) {
    sawQuote ||= quoted(lines[end - 1]!);
    end--;
  }
  if (!sawQuote) return lines;
  if (end > 0 && isAttribution(lines[end - 1]!)) {
    end--;
    // Gmail wraps a long attribution; its first half holds the date and time.
    const above = lines[end - 1];
    if (above !== undefined && !blank(above) && timeOfDay.test(above) && !/[.!?]\s*$/.test(above)) end--;
  }
  return lines.slice(0, end);
}

function isAttribution(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.endsWith(':') && trimmed.length < 300 && (trimmed.includes('@') || timeOfDay.test(trimmed.slice(0, -1)) || /\b(19|20)\d{2}\b/.test(trimmed));
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && blank(lines[start]!)) start++;
  while (end > start && blank(lines[end - 1]!)) end--;
  return lines.slice(start, end).map((l) => l.trimEnd());
}
