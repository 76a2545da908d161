import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract/index.ts';
import { runPipeline } from '../../src/core/pipeline.ts';
import { SEED_URL, parse, seedDoc } from '../helpers.ts';

const PARAGRAPHS = [
  '【大纪元2021年01月27日讯】（英文大纪元记者Ivan Pentchoukov报导／谢佳宣编译）据美国国务院对外发布的消息',
  '美国参议院当天稍早确认了布林肯担任国务卿一职。',
  '根据国务院声明，布林肯表示',
  '在与墨西哥外交部长马塞洛‧埃布拉德（Marcelo Ebrard）的通话中',
  '布林肯在与韩国外长康京和（Kang Kyung-wha）和日本外相茂木敏充（Toshimitsu Motegi）的通话中',
  '布林肯周二在参议院以78-22的投票结果获得确认美国国务卿。',
  '布林肯上周在参议院的确认听证会上表示',
  '对于前国务卿蓬佩奥指称中共为美国最大威胁的言论',
  '布林肯没有对议员详细说明他将采取什么措施来对抗中共。',
  '责任编辑：林妍',
];
const CAPTION = '2021年1月27日，美国国务卿安东尼‧布林肯（Antony Blinken）在华盛顿特区国务院的欢迎仪式上讲话。(CARLOS BARRIA/POOL/AFP via Getty Images)';
const PHOTO = 'https://i.epochtimes.com/assets/uploads/2021/01/GettyImages-1230816237-600x400.jpg';

describe('the seed page', () => {
  const doc = seedDoc();
  const before = doc.documentElement.outerHTML;
  const { article, readability } = extractArticle(doc, { url: SEED_URL });
  const html = parse(`<body>${article!.html}</body>`).body;

  it('is judged an article (Readability alone says it is not)', () => {
    expect(readability).toEqual({ isArticle: true, reason: 'article' });
  });

  it('leaves the given document untouched', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('keeps all ten body paragraphs, in order, one per line', () => {
    const lines = article!.text.split('\n');
    expect(lines).toHaveLength(10);
    PARAGRAPHS.forEach((start, i) => expect(lines[i]).toContain(start));
  });

  it('keeps the lead photo with its caption above the text', () => {
    const figure = html.querySelector('figure');
    expect(figure?.querySelector('img')?.getAttribute('src')).toBe(PHOTO);
    expect(figure?.querySelector('figcaption')?.textContent).toBe(CAPTION);
    expect(html.firstElementChild?.querySelector('figure, img')).not.toBeNull();
    expect(article!.leadImage).toEqual({ src: PHOTO, alt: '布林肯与加墨日韩外长通话 加强合作关系', caption: CAPTION });
  });

  it('drops the navigation, the promotions, the share block, the QR code and the tracking pixel', () => {
    const all = `${article!.text}\n${html.textContent}`;
    for (const junk of ['首页', '美国新闻', '热点推荐', '翻墙教程', '疫情象最后通牒', '禁书下载', '翻墙必看视频', '寻找勇气', '红墙的记忆', '长按并复制', '原文地址']) {
      expect(all).not.toContain(junk);
    }
    const images = Array.from(html.querySelectorAll('img')).map((i) => i.getAttribute('src'));
    expect(images).toEqual([PHOTO]);
    expect(article!.html).not.toContain('n12715693.md.png');
    expect(article!.html).not.toContain('gfw-breaker.win');
  });

  it('has no space between two Chinese characters, in the text or the HTML', () => {
    const gap = /[\p{Script=Han}，。、“”（）‧][ \t\u00a0\u3000\n]+[\p{Script=Han}，。、“”（）‧]/u;
    for (const line of article!.text.split('\n')) expect(line).not.toMatch(gap);
    for (const p of Array.from(html.querySelectorAll('p'))) expect(p.textContent!.trim()).not.toMatch(gap);
  });

  it('reads the metadata: title, dateline byline and date, language, source URL, counts', () => {
    expect(article!.title).toBe('布林肯与加墨日韩外长通话 加强合作关系');
    expect(article!.byline).toBe('英文大纪元记者Ivan Pentchoukov报导／谢佳宣编译');
    expect(article!.publishedTime).toBe('2021-01-27');
    expect(article!.lang).toBe('zh-CN');
    expect(article!.dir).toBe('ltr');
    expect(article!.sourceUrl).toBe('https://www.epochtimes.com/gb/21/1/27/n12715693.htm');
    expect(article!.canonicalUrl).toBe(SEED_URL);
    // About 600 Chinese characters plus a few Latin words: roughly a minute and a half of reading.
    expect(article!.wordCount).toBeGreaterThan(550);
    expect(article!.wordCount).toBeLessThan(700);
    expect(article!.readingMinutes).toBe(2);
  });

  it('tags the five names the page links to /tag/ pages', () => {
    const out = runPipeline(seedDoc(), { url: SEED_URL });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const tagged = out.entities.filter((e) => e.sources.includes('page-tag')).map((e) => e.name);
    expect(tagged.sort()).toEqual(['加拿大', '墨西哥', '布林肯', '日本', '韩国'].sort());
    const places = out.entities.filter((e) => e.type === 'place').map((e) => e.name);
    expect(places).toEqual(expect.arrayContaining(['加拿大', '墨西哥', '日本', '韩国']));
  });
});
