import { describe, expect, it } from 'vitest';
import { htmlAsText, MAX_MAIL_HTML, sanitiseMailHtml } from './mail-html.js';

const noFiles = new Map<string, string>();

describe('sanitiseMailHtml', () => {
  it('drops scripts, styles, frames, forms, event handlers and javascript: links', () => {
    const html = [
      '<html><head><title>t</title><style>p{color:red}</style><script>alert(1)</script></head><body>',
      '<p onclick="steal()" style="position:fixed">Hello <b>there</b></p>',
      '<iframe src="https://evil.example"></iframe>',
      '<form action="https://evil.example"><input name="password"><button>Go</button></form>',
      '<a href="javascript:alert(1)">click</a> <a href="https://ok.example/x" onmouseover="x()">ok</a>',
      '<svg><script>alert(2)</script></svg><object data="x"></object><embed src="x">',
      '</body></html>',
    ].join('');
    const link = 'rel="noopener noreferrer nofollow" target="_blank"';
    expect(sanitiseMailHtml(html, noFiles)).toBe(`<p>Hello <b>there</b></p>Go<a ${link}>click</a> <a href="https://ok.example/x" ${link}>ok</a>`);
  });

  it('shows images as placeholders: inline ones by their attachment’s name, remote ones never fetched', () => {
    const html = '<p>Screen:</p><img src="cid:shot@x"><img src="https://tracker.example/pixel.gif" alt="logo"><img src="https://tracker.example/p.gif" width="1">';
    expect(sanitiseMailHtml(html, new Map([['shot@x', 'shot.png']]))).toBe('<p>Screen:</p><span>[image: shot.png]</span><span>[image: logo]</span><span>[image]</span>');
  });

  it('leaves out the quoted history and signatures clients mark', () => {
    const gmail = '<div dir="ltr">Works now</div><br><div class="gmail_quote"><div class="gmail_attr">On Mon … wrote:</div><blockquote class="gmail_quote">old</blockquote></div>';
    const thunderbird = '<p>Works now</p><div class="moz-cite-prefix">On … wrote:</div><blockquote type="cite">old</blockquote><div class="moz-signature">-- Jan</div>';
    const outlook = '<div>Works now</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Desk</div>';
    expect(sanitiseMailHtml(gmail, noFiles)).toBe('<div>Works now</div><br />');
    expect(sanitiseMailHtml(thunderbird, noFiles)).toBe('<p>Works now</p>');
    expect(sanitiseMailHtml(outlook, noFiles)).toBe('<div>Works now</div><hr />');
  });

  it('answers null for markup with nothing to show, and for HTML too big to carry', () => {
    expect(sanitiseMailHtml('<div><br></div><style>x</style>', noFiles)).toBeNull();
    expect(sanitiseMailHtml(`<p>${'a'.repeat(MAX_MAIL_HTML)}</p>`, noFiles)).toBeNull();
  });
});

describe('htmlAsText', () => {
  it('reads paragraphs, line breaks, lists and links as a person would', async () => {
    expect(await htmlAsText('<p>Hello,</p><p>the <b>printer</b><br>is jammed:</p><ul><li>tray 1</li><li>tray 2</li></ul><p>See <a href="https://ok.example">this</a></p>')).toBe(
      'Hello,\n\nthe printer\nis jammed:\n\n * tray 1\n * tray 2\n\nSee this [https://ok.example]',
    );
  });

  it('keeps the image placeholders sanitising left', async () => {
    expect(await htmlAsText('<p>Screen:</p><span>[image: shot.png]</span>')).toBe('Screen:\n\n[image: shot.png]');
  });
});
