import { describe, expect, it } from 'vitest';
import { judgeReadable, weightedLength } from '../../src/core/extract/readable.ts';
import { extractArticle } from '../../src/core/extract/index.ts';
import { parse, readPage } from '../helpers.ts';

describe('readable or not', () => {
  it('weighs a CJK character like a short word', () => {
    expect(weightedLength('中文')).toBe(6);
    expect(weightedLength('ab c')).toBe(3);
  });

  it('takes a short Chinese news item as an article (Readability wants 500 characters)', () => {
    const text = '上海铁路局为农民工团体订票降门槛，十张以上即可办理。今年春运，该局将采取放宽团体票订购人数限制、增加团体票票额数量、扩大农民工团体往返票发售等措施，尽力使广大农民工旅客及早买好车票。';
    expect(text.length).toBeLessThan(120);
    expect(judgeReadable({ text, linkShare: 0 })).toEqual({ isArticle: true, reason: 'article' });
  });

  it('says why a page is not an article', () => {
    expect(judgeReadable({ text: '', linkShare: 0 }).reason).toBe('no-content');
    expect(judgeReadable({ text: 'Home\nNews\nSport', linkShare: 0.9 }).reason).toBe('link-heavy');
    expect(judgeReadable({ text: 'Only a short line of text here.', linkShare: 0 }).reason).toBe('too-short');
    // Long enough in all, but only menu-sized lines.
    expect(judgeReadable({ text: Array.from({ length: 40 }, (_, i) => `Item ${i}`).join('\n'), linkShare: 0 }).reason).toBe('too-short');
  });

  it('turns a page of headlines away and keeps a real article', () => {
    const index = extractArticle(parse(readPage('e2e/pages/news-index.html'), 'http://127.0.0.1/news-index.html'));
    expect(index.readability.isArticle).toBe(false);
    const article = extractArticle(parse(readPage('e2e/pages/article-en.html'), 'http://127.0.0.1/article-en.html'));
    expect(article.readability).toEqual({ isArticle: true, reason: 'article' });
  });

  it('returns the article anyway when asked to', () => {
    const out = extractArticle(parse('<html><body><p>Just a line.</p></body></html>'), { force: true });
    expect(out.readability).toEqual({ isArticle: true, reason: 'forced' });
  });

  it('"show anyway" on a page of headlines shows the headlines, which the cleaning layers would remove', () => {
    const out = extractArticle(parse(readPage('e2e/pages/news-index.html'), 'http://127.0.0.1/news-index.html'), { force: true });
    expect(out.readability).toEqual({ isArticle: true, reason: 'forced' });
    expect(out.article!.text).toContain('Council approves new budget for road repairs');
    expect(out.article!.text).toContain('Museum reopens with a new wing for modern art');
    expect(out.article!.html).not.toMatch(/<script/i);
  });

  it('"show anyway" on an empty page still says there is nothing to show', () => {
    const out = extractArticle(parse('<html><body><script>var x = 1;</script></body></html>'), { force: true });
    expect(out.article).toBeNull();
    expect(out.readability.reason).toBe('no-content');
  });
});
