// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ALLOWED_URI, safeHttpUrl, sanitizeArticleHtml } from '../../src/ui/sanitize.ts';
import { HOSTILE_PAGES, JS, T } from '../../e2e/security/hostile-corpus.ts';
import { inspectArticleDom } from '../../e2e/security/inspect.ts';

// The sanitiser's configuration, in Node (DOMPurify on jsdom). The same corpus runs in real
// Chromium through the whole extension in e2e/security/security.spec.ts.

function clean(html: string): HTMLElement {
  const holder = document.createElement('div');
  holder.append(sanitizeArticleHtml(html));
  return holder;
}

describe('sanitizeArticleHtml on the hostile corpus', () => {
  for (const page of HOSTILE_PAGES) {
    it(`${page.slug}: nothing that runs, fetches or navigates survives`, () => {
      for (const payload of page.body) {
        const out = clean(`<p>Some text.</p>${payload}<p>More text.</p>`);
        expect(inspectArticleDom(out), payload).toEqual([]);
        expect(out.innerHTML).not.toMatch(/tracker\.sift\.test\/t\/[^"]*"[^>]*(?:srcset|style|background|poster|ping)/);
      }
    });
  }
});

describe('sanitizeArticleHtml rules', () => {
  it('keeps article structure and text', () => {
    const out = clean('<h2>Head</h2><p>Some <em>emphasis</em>, <strong>strong</strong> and <a href="https://example.org/x">a link</a>.</p><ul><li>one</li></ul><blockquote><p>quote</p></blockquote><pre><code>a &lt; b</code></pre><table><tr><td>1</td></tr></table><figure><img src="https://example.org/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>');
    expect(out.querySelector('h2')?.textContent).toBe('Head');
    expect(out.querySelector('em')?.textContent).toBe('emphasis');
    expect(out.querySelector('code')?.textContent).toBe('a < b');
    expect(out.querySelector('td')?.textContent).toBe('1');
    expect(out.querySelector('figcaption')?.textContent).toBe('Cap');
    expect(out.querySelector('img')?.getAttribute('src')).toBe('https://example.org/a.jpg');
    expect(out.querySelector('img')?.getAttribute('alt')).toBe('A');
  });

  it('opens links in a new tab with noopener noreferrer and drops fragment and relative links', () => {
    const out = clean('<a href="https://example.org/" target="_self" rel="opener">abs</a><a href="#x">frag</a><a href="/rel">rel</a><a href="//example.org/pr">pr</a>');
    const [abs, frag, rel, pr] = Array.from(out.querySelectorAll('a'));
    expect(abs!.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(abs!.getAttribute('target')).toBe('_blank');
    expect(frag!.hasAttribute('href')).toBe(false);
    expect(rel!.hasAttribute('href')).toBe(false);
    expect(pr!.hasAttribute('href')).toBe(false);
  });

  it('refuses every script-capable URL form, whatever the case, spacing or encoding', () => {
    const forms = [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java&#x09;script:alert(1)',
      '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)', 'javascript&colon;alert(1)', '\u0001javascript:alert(1)',
      'vbscript:msgbox(1)', 'VBScript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'DATA:text/html;base64,PHNjcmlwdD4=',
      'livescript:x', 'mocha:x', 'ｊａｖａｓｃｒｉｐｔ：alert(1)', 'javas\u00adcript:alert(1)',
    ];
    for (const f of forms) {
      const a = clean(`<a href="${f}">x</a>`).querySelector('a')!;
      expect(a.hasAttribute('href'), f).toBe(false);
    }
    expect(ALLOWED_URI.test('https://example.org/')).toBe(true);
    expect(ALLOWED_URI.test('javascript:alert(1)')).toBe(false);
    expect(ALLOWED_URI.test('rtl')).toBe(true);
  });

  it('removes every way to fetch except an image source', () => {
    const out = clean(`<img src="https://example.org/ok.png" srcset="${T('s')} 2x" sizes="1px" style="background:url(${T('b')})" longdesc="${T('l')}" lowsrc="${T('o')}" attributionsrc="${T('a')}" loading="eager" referrerpolicy="unsafe-url" crossorigin="use-credentials">
      <table background="${T('t')}"><tr><td>x</td></tr></table><a href="https://example.org/" ping="${T('p')}">p</a>
      <video poster="${T('v')}"></video><iframe src="${T('i')}"></iframe><link rel="prefetch" href="${T('k')}"><style>@import url(${T('c')})</style>
      <object data="${T('d')}"></object><embed src="${T('e')}"><form action="${T('f')}"><input type="image" src="${T('g')}"></form>`);
    expect(out.innerHTML).not.toContain('tracker.sift.test');
    const img = out.querySelector('img')!;
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.hasAttribute('crossorigin')).toBe(false);
  });

  it('drops tracking pixels of 1-2 px', () => {
    const out = clean(`<img src="${T('px')}" width="1" height="1"><img src="https://example.org/photo.jpg" width="600">`);
    expect(out.innerHTML).not.toContain('tracker');
    expect(out.querySelectorAll('img[src]').length).toBe(1);
  });

  it('strips ids, names and classes so article markup cannot clobber the page', () => {
    const out = clean('<img name="getElementById" src="https://example.org/a.png"><form id="document"><input name="cookie"></form><a id="location" class="x" href="https://example.org/">l</a>');
    expect(out.querySelector('[id],[name],[class]')).toBeNull();
  });

  it('keeps text that looks like markup as text', () => {
    const payload = `<img src=x onerror="${JS('t1')}">`;
    const out = clean(`<p>${payload.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`);
    expect(out.querySelector('img')).toBeNull();
    expect(out.textContent).toBe(payload);
  });

  it('keeps lang and dir for right-to-left and mixed-script text', () => {
    const out = clean('<p dir="rtl" lang="ar">مرحبا</p><p lang="zh-CN">中文</p>');
    expect(out.querySelector('p')?.getAttribute('dir')).toBe('rtl');
    expect(out.querySelectorAll('[lang]').length).toBe(2);
  });

  it('keeps ordinary attribute values (sizes, spans, dates, list numbering)', () => {
    const out = clean('<img src="https://example.org/a.png" width="640" height="400" alt="a"><table><tr><td colspan="2" rowspan="3">x</td></tr></table><time datetime="2024-05-01T10:00:00Z">May</time><ol start="3" type="i" reversed><li>c</li></ol><blockquote cite="https://example.org/src"><p>q</p></blockquote>');
    expect(out.querySelector('img')?.getAttribute('width')).toBe('640');
    expect(out.querySelector('td')?.getAttribute('colspan')).toBe('2');
    expect(out.querySelector('time')?.getAttribute('datetime')).toBe('2024-05-01T10:00:00Z');
    expect(out.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(out.querySelector('blockquote')?.getAttribute('cite')).toBe('https://example.org/src');
  });

  it('keeps inline data: images but no other data: URL, and no empty or relative source', () => {
    const out = clean('<img src="data:image/png;base64,iVBORw0KGgo=" alt="a"><img src="data:text/html,x" alt="b"><img src="" alt="c"><img src="/rel.png" alt="d"><blockquote cite="javascript:alert(1)">q</blockquote>');
    const imgs = Array.from(out.querySelectorAll('img'));
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(['data:image/png;base64,iVBORw0KGgo=', null, null, null]);
    expect(out.querySelector('blockquote')?.hasAttribute('cite')).toBe(false);
  });

  it('returns a fragment, never a string', () => {
    expect(sanitizeArticleHtml('<p>x</p>')).toBeInstanceOf(DocumentFragment);
  });
});

describe('safeHttpUrl', () => {
  it('accepts http(s) only', () => {
    expect(safeHttpUrl('https://example.org/a?b#c')).toBe('https://example.org/a?b#c');
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AA', '//example.org/', '/rel', '', null, undefined, 'chrome-extension://x/y']) {
      expect(safeHttpUrl(bad), String(bad)).toBeNull();
    }
  });
});

describe('sanitizeArticleHtml before parsing', () => {
  it('renames <track> so the parser never builds one (Chromium would start loading it)', () => {
    const out = clean('<video><track src="https://t.example/a" default></video><TRACK\nsrc="https://t.example/b"><p title="<track>">t</p>');
    expect(out.querySelector('track, video')).toBeNull();
    expect(out.innerHTML).not.toContain('t.example');
    expect(out.querySelector('p')?.textContent).toBe('t');
  });
});
