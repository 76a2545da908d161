import { describe, expect, it } from 'vitest';
import { CAPTION_ATTR, ORDER_ATTR, preClean } from '../../src/core/extract/pre-clean.ts';
import { filterBlocks } from '../../src/core/extract/block-filter.ts';
import { imageSource, resolveLazyImages } from '../../src/core/extract/lazy-images.ts';
import { isTeaserGrid } from '../../src/core/extract/teasers.ts';
import { extractArticle } from '../../src/core/extract/index.ts';
import { parse } from '../helpers.ts';

const P = (n: number, word = 'text'): string => `<p>${Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')}.</p>`;
const URL = 'https://news.example.com/2020/story.html';

describe('pre-clean', () => {
  it('removes page furniture by tag, role, hidden state and class words', () => {
    const html = `<body>
      <nav><a href="/">Home</a></nav><div role="navigation">menu</div>
      <div class="social-share">Share</div><div id="newsletter-signup">Sign up</div>
      <div hidden>secret</div><div style="display: none">gone</div><span class="sr-only">Image caption</span>
      <div class="content"><article>${P(40)}${P(40)}</article></div>
      <aside>${P(5)}</aside><footer>Footer</footer></body>`;
    const doc = parse(html, URL);
    preClean(doc, { url: URL, site: 'example.com' });
    const text = doc.body.textContent!;
    for (const gone of ['Home', 'Share', 'Sign up', 'Image caption', 'Footer']) expect(text).not.toContain(gone);
    expect(doc.querySelectorAll('article p')).toHaveLength(2);
    // Hidden elements and navigation roles are left to Readability's own checks (bench:ablation:
    // ours changed no page of the pool): the article leaves them out all the same.
    const article = extractArticle(parse(html, URL), { url: URL }).article!.text;
    for (const gone of ['menu', 'secret', 'gone', 'Image caption']) expect(article).not.toContain(gone);
    expect(article).toContain('text39');
  });

  it('keeps the wrapper of the article whatever its class says, minus the misleading words', () => {
    const doc = parse(`<body><div class="container penci_sidebar main-col" id="sidebar-wrap">
      <div class="entry">${P(60)}${P(50)}</div></div><div class="sidebar">${P(10, 'side')}</div></body>`, URL);
    preClean(doc, { url: URL, site: 'example.com' });
    const wrapper = doc.querySelector('.container')!;
    expect(wrapper).not.toBeNull();
    expect(wrapper.getAttribute('class')).toBe('container main-col');
    expect(wrapper.hasAttribute('id')).toBe(false);
    expect(doc.body.textContent).not.toContain('side0');
  });

  it('keeps a <header> that holds a real paragraph, drops a masthead', () => {
    const doc = parse(`<body><header><a href="/">Logo</a></header>
      <section><header><p>${'lead '.repeat(40)}</p></header>${P(30)}</section></body>`, URL);
    preClean(doc, { url: URL, site: 'example.com' });
    expect(doc.body.textContent).not.toContain('Logo');
    expect(doc.body.textContent).toContain('lead lead');
  });

  it('records bylines it removes, tracking pixels and icons go, pictures are noted in order', () => {
    const doc = parse(`<body><div class="byline">By Jane Doe</div>
      <img src="/px.gif" width="1" height="1"><img src="/logo.png" alt="logo">
      <div><img src="/photo.jpg" width="800" height="500" alt="A photo"><div class="caption">The caption</div></div>
      <div>${P(40)}</div></body>`, URL);
    const out = preClean(doc, { url: URL, site: 'example.com' });
    expect(out.bylines).toEqual(['By Jane Doe']);
    const srcs = Array.from(doc.querySelectorAll('img')).map((i) => i.getAttribute('src'));
    expect(srcs).toEqual(['/photo.jpg']);
    expect(out.leadCandidates).toHaveLength(1);
    expect(out.leadCandidates[0]).toMatchObject({ src: '/photo.jpg', alt: 'A photo', caption: 'The caption' });
    expect(out.paragraphs).toHaveLength(1);
    expect(out.leadCandidates[0]!.order).toBeLessThan(out.paragraphs[0]!);
    expect(doc.querySelector(`p[${ORDER_ATTR}]`)).not.toBeNull();
    expect(doc.querySelector(`.caption[${CAPTION_ATTR}]`)).not.toBeNull();
  });

  it('keeps an article of paragraph <div>s inside "rail" wrappers against a longer footer and a list of teaser links', () => {
    const para = (i: number): string => `<div class="body__paragraph">Paragraph ${i} of the story, long enough to be read as running text.</div>`;
    const doc = parse(`<body><div class="page-rail"><div class="rail-body"><section>${[1, 2, 3, 4, 5, 6].map(para).join('')}</section></div></div>
      <div class="sidebar"><ol>${Array.from({ length: 12 }, (_, i) => `<li><a href="/t${i}">A teaser headline number ${i} that is long enough</a></li>`).join('')}</ol></div>
      <div class="footer"><div>${'Market data is delayed and provided for information only. '.repeat(5)}</div></div></body>`, URL);
    preClean(doc, { url: URL, site: 'example.com' });
    expect(doc.body.textContent).toContain('Paragraph 6 of the story');
    expect(doc.body.textContent).not.toContain('teaser headline');
  });

  it('removes excerpt cards cut off with an ellipsis, and the pitch around an e-mail field', () => {
    const words = (n: number, w: string): string => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    const card = (i: number, cut: boolean): string =>
      `<article class="box post-${i} cat-${i}"><a href="/p${i}"><img src="/p${i}.jpg"></a><p>${words(cut ? 90 : 70, `ex${i}x`)}${cut ? ' …' : '.'}</p></article><script>x()</script>`;
    const doc = parse(`<body><article class="box post-0">${P(80)}${P(80)}</article>
      <div class="more"><h3>You may also like</h3>${[1, 2, 3, 4, 5].map((i) => card(i, i % 2 === 1)).join('')}</div>
      <div class="cta"><h3>Want more stories like this?</h3><p>Every day we send an email with the top stories.</p><form><input type="email"></form></div></body>`, URL);
    preClean(doc, { url: URL, site: 'example.com' });
    expect(doc.body.textContent).toContain('text79');
    expect(doc.body.textContent).not.toMatch(/ex\dx|Every day|Want more/);
  });

  it('keeps a row of picture links that opens a gallery beside a paragraph of the story', () => {
    const pic = (i: number): string => `<div class="col-md-3"><a href="/img/poster-${i}.jpg"><img src="/img/poster-${i}.jpg"></a></div>`;
    const doc = parse(`<body><section>${P(80)}<div class="row">${[1, 2, 3, 4].map(pic).join('')}<p>${'After the studio closed, films were still made here. '.repeat(5)}</p></div>${P(60)}</section></body>`, URL);
    preClean(doc, { url: URL, site: 'example.com' });
    expect(doc.body.textContent).toContain('After the studio closed');
  });

  it('removes headings made only of links (navigation dressed as headings)', () => {
    const doc = parse(`<body><h4><a href="/a">Home</a> | <a href="/b">News</a></h4><h2>Real heading</h2>${P(30)}</body>`, URL);
    preClean(doc, { url: URL, site: 'example.com' });
    expect(doc.querySelectorAll('h4')).toHaveLength(0);
    expect(doc.querySelector('h2')?.textContent).toBe('Real heading');
  });

  it('removes teaser grids that point into the site, not lists that link out', () => {
    const card = (i: number, host = '') => `<div class="card"><a href="${host}/story/${i}"><img src="/t${i}.jpg"></a><h3><a href="${host}/story/${i}">Story ${i}</a></h3><p>Teaser ${i}.</p></div>`;
    const doc = parse(`<body><div class="main">${P(80)}</div><div class="grid">${[1, 2, 3, 4, 5].map((i) => card(i)).join('')}</div>
      <div class="shop">${[1, 2, 3, 4].map((i) => `<div class="deal"><a href="https://shop.example.org/p/${i}">Buy item ${i} at the shop</a></div>`).join('')}</div></body>`, URL);
    expect(isTeaserGrid(doc.querySelector('.grid')!, URL, 'example.com')).toBe(true);
    expect(isTeaserGrid(doc.querySelector('.shop')!, URL, 'example.com')).toBe(false);
    preClean(doc, { url: URL, site: 'example.com' });
    expect(doc.body.textContent).not.toContain('Teaser 1');
    expect(doc.body.textContent).toContain('Buy item 1');
  });
});

function filtered(html: string): { text: string; root: Element; bylines: string[] } {
  const doc = parse(`<body><div id="c"><div class="page">${html}</div></div></body>`, URL);
  const root = doc.getElementById('c')!;
  const { bylines } = filterBlocks(root, URL, 'example.com');
  const text = Array.from(root.querySelectorAll('p,h2,h3,li,figcaption,div'))
    .filter((e) => !e.querySelector('p,h2,h3,li,div') && !e.closest(`[${CAPTION_ATTR}],figure`))
    .map((e) => e.textContent!.trim())
    .filter(Boolean)
    .join('\n');
  return { text, root, bylines };
}

describe('block filter', () => {
  const body = P(40, 'body');

  it('drops label lines, share bars, promotions and rights notes, keeps the prose', () => {
    const { text } = filtered(`${body}<p>Advertisement</p><p>Continue reading below</p><p>Share Tweet Email</p>
      <p>Sign up for our newsletter to get the best stories in your inbox.</p>${body}<p>© 2020 Example Media. All rights reserved.</p>
      <p>Werbung</p><p>相关阅读</p>`);
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toContain('body0');
  });

  it('keeps a sentence about subscriptions that is not a call to subscribe', () => {
    const line = 'Disney said it continued to sign up additional subscribers as the service was patched.';
    expect(filtered(`${body}<p>${line}</p>`).text).toContain(line);
  });

  it('takes bylines and stamps off the top and keeps them for metadata', () => {
    const { text, bylines } = filtered(`<p>By Jane Doe</p><p>Published 10:48, Tue, Nov 19, 2019</p>${body}${body}`);
    expect(text).not.toContain('Jane');
    expect(text).not.toContain('Published');
    expect(bylines).toEqual(['By Jane Doe']);
  });

  it('drops short lines of links into the site, keeps links that point out', () => {
    const { text } = filtered(`${body}<p><a href="/other-story">Read our other story about this</a></p>
      <ul><li><a href="https://www.amazon.com/x">Get it on Amazon for $39.99</a></li></ul>${body}`);
    expect(text).not.toContain('other story');
    expect(text).toContain('Get it on Amazon');
  });

  it('drops a label that leads a list of links, and a heading left over nothing', () => {
    const { text } = filtered(`${body}<p>DON'T MISS <a href="/a">First teaser</a> <a href="/b">Second teaser</a></p>
      ${body}<h2>Related</h2><ul><li><a href="/c">Teaser c</a></li><li><a href="/d">Teaser d</a></li></ul>`);
    expect(text).not.toMatch(/MISS|teaser|Related/i);
  });

  it('marks captions and credits next to pictures, and drops stray credits', () => {
    const { text, root } = filtered(`<div><img src="/a.jpg"><p>The mayor at the opening on Monday.</p></div>${body}
      <figure><img src="/b.jpg"><span>Photo: Jane Doe, AP</span></figure>${body}<p>Photo: John Roe/Getty Images</p>`);
    expect(text).not.toContain('mayor');
    expect(text).not.toContain('Jane Doe');
    expect(text).not.toContain('John Roe');
    expect(root.querySelector(`p[${CAPTION_ATTR}]`)?.textContent).toContain('mayor');
    expect(root.querySelector('img[src="/b.jpg"]')).not.toBeNull();
  });

  it('keeps a quoted review that comes with a screenshot', () => {
    const { text } = filtered(`${body}<blockquote><p><img src="/shot.jpg"></p><p>Great show, we loved it.</p></blockquote>${body}`);
    expect(text).toContain('Great show');
  });

  it('leaves tables, code and quotes alone', () => {
    const { root } = filtered(`${body}<table><tr><td>Share</td><td>1</td></tr></table><pre>Advertisement</pre>${body}`);
    expect(root.querySelector('table')?.textContent).toContain('Share');
    expect(root.querySelector('pre')?.textContent).toBe('Advertisement');
  });

  it('keeps a dated fact with its own label, a closing sentence set as a heading, a title linking to the page itself', () => {
    const self = `<h2><a href="${URL}">The story in one line</a></h2>`;
    const { text } = filtered(`${self}${body}<p>Deadline: 03.11.2019 (postmark)</p>${body}<h3>He made up a profile online. It backed his story.</h3>`);
    expect(text).toContain('Deadline: 03.11.2019');
    expect(text).toContain('It backed his story.');
    expect(text).toContain('The story in one line');
  });

  it('reads a lead paragraph beside a captioned figure as text, not as a caption', () => {
    const { text } = filtered(`<section><p>${'Lead words here. '.repeat(6)}</p><figure><img src="/a.jpg"><figcaption>A horse.</figcaption></figure><a href="/g"><img src="/b.jpg"></a></section>${body}`);
    expect(text).toContain('Lead words here.');
  });

  it('drops a long publishing stamp, a Chinese share bar, an editor sign-off and what follows a closing disclaimer', () => {
    const { text } = filtered(`<p>PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019</p><p>复制链接 打印</p>${body}${body}
      <p>(嵇南涛 编辑)</p><p>免责声明：本文仅代表作者个人观点，与本站无关。</p><p>女孩火海救母</p><table><tr><td>股吧</td><td>2.85%</td></tr></table><h2>新闻排行</h2>`);
    expect(text.split('\n')).toEqual([P(40, 'body').replace(/<\/?p>/g, ''), P(40, 'body').replace(/<\/?p>/g, '')]);
  });

  it('drops the links and short lines under a "related" label, up to the next paragraph of prose', () => {
    const { text } = filtered(`${body}<p>Mehr zum Thema</p><p><a href="/a">Erste andere Geschichte</a></p><p><a href="/b">Zweite andere Geschichte</a></p>${body}`);
    expect(text).not.toMatch(/Mehr zum|andere Geschichte/);
    expect(text.split('\n')).toHaveLength(2);
  });

  it('drops a call to follow the site on a social network, in any language', () => {
    const { text } = filtered(`${body}<p>香港新浪新聞現已開設Facebook專頁，讓你即時掌握本地新聞，與朋友分享！快點到Facebook Like我們的專頁！</p>
      <p>Follow The Daily on Twitter and Instagram @daily.</p><p>She said the company would follow us on its own schedule.</p>`);
    expect(text).not.toMatch(/Facebook|Twitter/);
    expect(text).toContain('follow us on its own schedule');
  });

});

describe('lazy pictures', () => {
  it('finds the real address behind placeholders', () => {
    const doc = parse(`<body>
      <img id="a" src="data:image/gif;base64,R0lGOD" data-src="/real-a.jpg">
      <img id="b" src="/img/blank.gif" data-lazy-src="/real-b.jpg">
      <img id="c" srcset="/c-320.jpg 320w, /c-1024.jpg 1024w">
      <img id="d" data-srcset="/d-1x.jpg 1x, /d-2x.jpg 2x">
      <img id="e"></body>`);
    const src = (id: string) => imageSource(doc.getElementById(id)!);
    expect(src('a')).toBe('/real-a.jpg');
    expect(src('b')).toBe('/real-b.jpg');
    expect(src('c')).toBe('/c-1024.jpg');
    expect(src('d')).toBe('/d-2x.jpg');
    expect(src('e')).toBeNull();
    resolveLazyImages(doc.body);
    expect(doc.getElementById('a')!.getAttribute('src')).toBe('/real-a.jpg');
    expect(doc.getElementById('d')!.getAttribute('srcset')).toBe('/d-1x.jpg 1x, /d-2x.jpg 2x');
    expect(doc.getElementById('e')).toBeNull();
  });
});
