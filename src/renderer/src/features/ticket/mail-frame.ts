/**
 * What the frame may load: nothing but its own inline style. The server already strips scripts, styles
 * and remote content; this holds even if a sanitiser bug let something through, as does the frame's
 * empty sandbox (no scripts, no forms, no same origin, no popups).
 */
export const mailFramePolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

/**
 * The sanitised markup has no colours or fonts of its own (the server keeps no style attributes), so
 * it is set in the console's theme rather than as a white sheet. The sandboxed frame cannot read the
 * console's variables, so the two themes' colours (styles/base.css) are repeated here; Chromium tells
 * the frame which one is on through prefers-color-scheme, from the console's color-scheme.
 */
const frameStyle = `
:root { color-scheme: dark; }
body { margin: 0; padding: 8px 10px; background: #161c24; color: #d7dde5; font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, 'Noto Sans', sans-serif; overflow-wrap: break-word; }
a { color: #7ab6ff; }
table { border-collapse: collapse; }
th, td { padding: 2px 6px; border: 1px solid #33414f; text-align: left; vertical-align: top; }
blockquote { margin: 4px 0; padding-left: 10px; border-left: 3px solid #33414f; color: #8d99a8; }
@media (prefers-color-scheme: light) {
  :root { color-scheme: light; }
  body { background: #f8f9fb; color: #1c2530; }
  a { color: #0a5bc4; }
  th, td, blockquote { border-color: #a9b3be; }
  blockquote { color: #4f5b68; }
}
pre { white-space: pre-wrap; }
p:first-child { margin-top: 0; }
p:last-child { margin-bottom: 0; }
`;

/** The document a message's HTML is shown in: the policy first, before any of the mail's markup. */
export function mailFrameDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${mailFramePolicy}"><meta name="referrer" content="no-referrer"><style>${frameStyle}</style></head><body>${html}</body></html>`;
}

/**
 * A height for a frame `width` pixels wide, from the mail's text (its tables are lines there too): a
 * sandboxed frame cannot be measured from outside. Roughly right is enough; the agent can drag it taller.
 */
export function mailFrameHeight(text: string, width: number): number {
  // About 7 px a character at 13 px; the body has 10 px of padding each side.
  const perLine = Math.max(30, Math.floor((width - 20) / 7));
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
  // A fifth more than the text's lines: the HTML's tables and paragraphs take more room than its text.
  return Math.min(560, Math.max(96, Math.ceil(lines * 19 * 1.2) + 24));
}
