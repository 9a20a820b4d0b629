import { simpleParser } from 'mailparser';
import sanitizeHtml from 'sanitize-html';

/** Sanitised HTML travels in the message to every console; beyond this the text (and the original) must do. */
export const MAX_MAIL_HTML = 200_000;

/** Longer HTML is not turned into text (a 20 MB newsletter would hold the poller for seconds); its original keeps it. */
const MAX_HTML_TO_TEXT = 2_000_000;

/** Containers the big clients wrap quoted history and signatures in (Gmail, Thunderbird, Apple Mail, Outlook on the web). */
const historyClasses = ['gmail_quote', 'gmail_signature', 'moz-cite-prefix', 'moz-signature'];
const historyIds = ['divRplyFwdMsg', 'appendonsend', 'Signature'];

/**
 * A mail's HTML made safe to show beside its text: no scripts, styles, frames, forms, event handlers
 * or remote content (a remote image tells the sender when and where the mail was read), links only to
 * the web and to mail addresses. Images become a placeholder naming them; inline ones are attachments.
 * Quoted history the sender's client marked is left out, as it is from the text. Null when nothing
 * worth showing is left, or when it is too big to carry.
 */
export function sanitiseMailHtml(html: string, attachmentNames: ReadonlyMap<string, string>): string | null {
  const withoutHistory = sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    // This pass only cuts; the second one judges (and drops scripts and styles). An image's cid: link must live to name its placeholder.
    allowedSchemesAppliedToAttributes: [],
    allowVulnerableTags: true,
    exclusiveFilter: (frame) =>
      historyClasses.some((c) => (frame.attribs.class ?? '').split(/\s+/).includes(c)) ||
      historyIds.includes(frame.attribs.id ?? '') ||
      (frame.tag === 'blockquote' && frame.attribs.type === 'cite'),
  });
  const safe = sanitizeHtml(withoutHistory, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'), 'span', 'font', 'center'],
    allowedAttributes: { a: ['href', 'title', 'rel', 'target'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], ol: ['start'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
      img: (_tag, attribs) => ({ tagName: 'span', attribs: {}, text: `[${imageLabel(attribs, attachmentNames)}]` }),
    },
  }).trim();
  if (!safe || safe.length > MAX_MAIL_HTML) return null;
  // Markup with no words and no images in it (an empty wrapper) is nothing to show.
  return sanitizeHtml(safe, { allowedTags: [], allowedAttributes: {} }).trim() ? safe : null;
}

function imageLabel(attribs: Record<string, string>, attachmentNames: ReadonlyMap<string, string>): string {
  const src = attribs.src ?? '';
  const inline = src.toLowerCase().startsWith('cid:') ? attachmentNames.get(src.slice(4).replace(/^<|>$/g, '')) : undefined;
  if (inline) return `image: ${inline}`;
  const alt = (attribs.alt ?? '').trim().slice(0, 100);
  return alt ? `image: ${alt}` : 'image';
}

/**
 * The text of an HTML-only mail, for the thread and for language detection. It goes through
 * mailparser's own converter (html-to-text), fed a one-part HTML mail, so there is one converter.
 */
export async function htmlAsText(html: string): Promise<string> {
  const alone = await simpleParser(Buffer.from(`Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${html}`), { maxHtmlLengthToParse: MAX_HTML_TO_TEXT });
  return (alone.text ?? '').replace(/\r\n?/g, '\n');
}
