import { describe, expect, it } from 'vitest';
import { html } from './html.js';

describe('html templates', () => {
  it('escapes every interpolated value, in text and in attributes, unless it is html itself', () => {
    const name = `"><img src=x onerror=alert(1)> & 'quotes'`;
    const out = html`<p title="${name}">${name}</p>${html`<b>${'<i>'}</b>`}`.value;
    expect(out).toBe('<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quotes&#39;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quotes&#39;</p><b>&lt;i&gt;</b>');
  });

  it('leaves out false, null and undefined, and joins lists', () => {
    expect(html`${false}${null}${undefined}${0}${['a', html`<br>`, 'b']}`.value).toBe('0a<br>b');
  });
});
