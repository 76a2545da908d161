// Rules added for the dev sets' remaining failures, each on a faithful reduction of the page kind
// that showed it (see the closing note of issue 3 for the figures).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract/index.ts';
import { filterBlocks } from '../../src/core/extract/block-filter.ts';
import { parse } from '../helpers.ts';

const URL = 'https://news.example.com/2020/story.html';
const P = (n: number, word = 'text'): string => `<p>${Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')}.</p>`;
const ZH = (n: number): string => `<p>${'这是一段很长的新闻正文内容，'.repeat(n)}。</p>`;

function filtered(html: string): Element {
  const doc = parse(`<body><div id="r">${html}</div></body>`, URL);
  const root = doc.getElementById('r')!;
  filterBlocks(root, URL, 'example.com');
  return root;
}

describe('block filter, loose text and lines', () => {
  it('judges text that stands loose beside blocks once those blocks are gone', () => {
    const root = filtered(`${P(40)}${P(40)}<section><span>Mehr zum Thema</span><ul>
      <li><a href="https://news.example.com/a">» Grundwissen Kompost</a></li><li><a href="https://news.example.com/b">» Kompostbeschleuniger</a></li></ul></section>
      <div><ul><br><b>Warning</b>: Creating default object from empty value in <b>/www/wp-includes/classes.php</b> on line <b>407</b></ul></div>`);
    expect(root.textContent).not.toContain('Mehr zum Thema');
    expect(root.textContent).not.toContain('Warning');
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });

  it('does not count script buttons (href="#") as links, so accordion titles stay', () => {
    const root = filtered(`${P(40)}<article><a href="#"><div><h4>Grundmodul</h4>Lehrzeit: <strong>2 Jahre</strong></div></a></article>${P(40)}`);
    expect(root.textContent).toContain('Grundmodul');
    expect(root.textContent).toContain('Lehrzeit');
  });

  it('drops closing appeals after the last paragraph, not before it', () => {
    const root = filtered(`${P(40)}<p>If you enjoyed reading this post – would you consider supporting our work? Just click here. Thanks!</p>${P(40, 'more')}
      <p>We want to hear what you think about this article. Submit a letter to the editor or write to letters@example.com.</p>`);
    expect(root.textContent).toContain('If you enjoyed');
    expect(root.textContent).not.toContain('We want to hear');
  });

  it('marks a short line under a picture paragraph as its caption, but not a lead-in or a bold heading', () => {
    const root = filtered(`${ZH(6)}<p align="center"><img src="/a.jpg"></p><p class="pictext">图美展台</p>
      <p><img src="/b.jpg"></p><p><strong>一、辛苦保濕不見效，你可能犯了這些錯誤</strong></p>
      <p><img src="/c.jpg"></p><p>Und so sieht das bei uns im Redaktionsblog aus:</p>${ZH(6)}`);
    const captions = Array.from(root.querySelectorAll('[data-sift-caption]')).map((e) => e.textContent);
    expect(captions).toEqual(['图美展台']);
  });

  it("marks a text that repeats its picture's alt text as the caption", () => {
    const root = filtered(`${ZH(6)}<div class="img_wrapper"><img alt="图为出错行情系统截图。" src="/x.jpg"><span>图为出错行情系统截图。</span></div>${ZH(6)}`);
    expect(root.querySelector('[data-sift-caption]')?.textContent).toContain('图为出错行情系统截图');
  });

  it('ends the article at a bare notice heading when most of the text stands before it', () => {
    const root = filtered(`${ZH(8)}${ZH(8)}<p>声明：</p><ul><li>凡注明为其他媒体来源的信息，均为转载自其他媒体，转载并不代表本网赞同其观点，也不代表本网对其真实性负责。</li></ul><p>电话：021-52921234</p>`);
    expect(root.textContent).not.toContain('声明');
    expect(root.textContent).not.toContain('转载');
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });

  it('judges a one-cell layout table as the line it holds, and keeps real tables whole', () => {
    const root = filtered(`${ZH(8)}<table><tr><td>打印本文</td></tr></table><table><tr><td>年份</td><td>产量</td></tr><tr><td>2011</td><td>打印本文</td></tr></table>`);
    expect(root.querySelectorAll('table')).toHaveLength(1);
    expect(root.querySelector('table')!.textContent).toContain('2011');
  });
});

describe('block filter, layout tables and Chinese page furniture', () => {
  it('judges the rows of a one-column layout table one by one, and keeps data tables whole', () => {
    const root = filtered(`<table><tr><td>${ZH(8)}</td></tr><tr><td>${ZH(8)}</td></tr>
      <tr><td>【字號大中小】【打印】【關閉】</td></tr><tr><td>新華網版權與免責聲明：① 凡本網注明“來源：新華網”的所有作品，版權均屬于新華社。</td></tr></table>
      <table><tr><td>年份</td><td>产量</td></tr><tr><td>2011</td><td>打印本文</td></tr></table>`);
    expect(root.textContent).not.toContain('字號');
    expect(root.textContent).not.toContain('免責聲明');
    expect(root.textContent).toContain('这是一段很长的新闻正文内容');
  });

  it('drops picture credits, keyword labels and "more news about" lines', () => {
    const root = filtered(`${ZH(8)}<p>新聞圖片來源：台灣醒報實際入稿日期： 2012-01-11</p>${ZH(8)}
      <p>本篇新闻热门关键词:</p><p>更多关于 住宅租赁;自有物业;制度缺陷;最牛工资;年薪 的新闻：</p>`);
    for (const gone of ['圖片來源', '关键词', '更多关于']) expect(root.textContent).not.toContain(gone);
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });
});

describe('extraction, whole pages', () => {
  it('takes the headline a heading shows out of a title wrapped in site names', () => {
    for (const [title, heading] of [
      ['38歲男子涉殺父被暫控謀殺 - 新浪網 - 新聞', '38歲男子涉殺父被暫控謀殺'],
      ['成都12只大熊猫幼仔开始群体生活-中新网', '成都12只大熊猫幼仔开始群体生活'],
      ['準備年菜 應重視衛生安全 | 生活 | 即時新聞 | 聯合新聞網', '準備年菜  應重視衛生安全'],
    ]) {
      const doc = parse(`<html><head><title>${title}</title></head><body><h1 class="logo">新浪網</h1><div class="story_title">${heading}</div>${ZH(10)}${ZH(10)}</body></html>`, URL);
      expect(extractArticle(doc, { url: URL }).article!.title).toBe(heading!.replace(/\s+/g, ' '));
    }
  });

  it('keeps the title when no heading is the larger part of it', () => {
    const doc = parse(`<html><head><title>Mutter - Frankfurter Allgemeine Zeitung</title></head><body><h1>Mutter</h1>${P(60)}${P(60)}</body></html>`, URL);
    expect(extractArticle(doc, { url: URL }).article!.title).toBe('Mutter - Frankfurter Allgemeine Zeitung');
  });

  it('keeps a section heading that shares the title\'s words when the title heading went with its header', () => {
    const title = 'Ab wann und wie lange legen Hühner Eier?';
    const doc = parse(`<html><head><title>${title} - Selbstversorger.de</title><meta property="og:title" content="${title}"></head><body>
      <article class="post"><div class="entry-header"><div class="entry-category"><a href="/allgemein/">Allgemein</a><a href="/huehner/">Hühner</a></div>
      <h1 class="entry-title">${title}</h1><div class="entry-meta">5 Minuten Lesezeit</div></div>
      <div class="entry-content">${P(40)}<h2>Legt jedes Huhn Eier?</h2>${P(40, 'huhn')}<h2>Ab wann legen Hühner Eier?</h2>${P(40, 'ei')}</div></article></body></html>`, URL);
    const { article } = extractArticle(doc, { url: URL });
    expect(article!.text).toContain('Legt jedes Huhn Eier?');
    expect(article!.text).toContain('Ab wann legen Hühner Eier?');
    expect(article!.text).not.toContain(title);
    expect(article!.html).not.toContain('data-sift');
  });

  it('reads the page again without class names when they emptied it', () => {
    const doc = parse(`<html><head><title>电煤供需失衡</title></head><body><div id="container">
      <div class="twosidebarL"><div class="Allnewsbody">${ZH(12)}${ZH(12)}</div></div>
      <div class="twosidebarR"><ul><li><a href="/a">蓝筹要闻</a></li><li><a href="/b">国企红筹</a></li></ul></div></div></body></html>`, URL);
    const { article } = extractArticle(doc, { url: URL });
    expect(article!.text).toContain('这是一段很长的新闻正文内容');
    expect(article!.text).not.toContain('蓝筹要闻');
  });
});
