import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract/index.ts';
import { runPipeline } from '../../src/core/pipeline.ts';
import { SEED_URL, seedDoc } from '../helpers.ts';

describe('the seed page', () => {
  const doc = seedDoc();
  const before = doc.documentElement.outerHTML;
  const { article, readability } = extractArticle(doc, { url: SEED_URL });

  it('is judged an article (Readability alone says it is not)', () => {
    expect(readability).toEqual({ isArticle: true, reason: 'article' });
  });

  it('leaves the given document untouched', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('keeps the article text from first to last paragraph and none of the clutter', () => {
    const text = article!.text;
    expect(text.startsWith('【大纪元2021年01月27日讯】')).toBe(true);
    expect(text).toContain('布林肯没有对议员详细说明他将采取什么措施来对抗中共。');
    for (const junk of ['首页', '热点推荐', '疫情象最后通牒', '禁书下载', '翻墙必看视频', '寻找勇气']) {
      expect(text).not.toContain(junk);
    }
  });

  it('has no space between two Chinese characters', () => {
    // Line breaks separate blocks; spaces inside a line between two Chinese characters must not exist.
    expect(article!.text).not.toMatch(/[\p{Script=Han}，。、“”（）][ \t\u00a0\u3000]+[\p{Script=Han}，。、“”（）]/u);
  });

  it('reads the metadata: title, dateline byline and date, language, source URL', () => {
    expect(article!.title).toBe('布林肯与加墨日韩外长通话 加强合作关系');
    expect(article!.byline).toContain('Ivan Pentchoukov');
    expect(article!.publishedTime).toBe('2021-01-27');
    expect(article!.lang).toBe('zh-CN');
    expect(article!.dir).toBe('ltr');
    expect(article!.sourceUrl).toBe('https://www.epochtimes.com/gb/21/1/27/n12715693.htm');
    expect(article!.wordCount).toBeGreaterThan(500);
    expect(article!.readingMinutes).toBeGreaterThanOrEqual(1);
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
