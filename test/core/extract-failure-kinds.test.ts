// The failure kinds seen on unseen pages (issue 11), each pinned on a faithful reduction of a real
// development-pool page of that kind (fixtures/extract/<slug>, made with bench/lib/make-fixture.ts).
// The golden test (test/fixtures.test.ts) checks their whole output; here each is checked for the
// failure itself, with the guard against it switched off to show the page really is of that kind.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract/index.ts';
import { suspect } from '../../src/core/extract/safety-net.ts';
import { textStats } from '../../src/core/extract/net-stats.ts';
import { disableRules, enableAllRules } from '../../src/core/extract/rules.ts';
import { decodeHtml } from '../../src/cli/decode.ts';
import { readFixture } from '../../bench/lib/fixture.ts';
import { ROOT, parse } from '../helpers.ts';

function load(slug: string): { doc: () => Document; url: string } {
  const { bytes, expected } = readFixture(join(ROOT, 'fixtures/extract', slug));
  const url = expected.source.url;
  const html = decodeHtml(bytes).text;
  return { doc: () => parse(html, url), url };
}

function withRulesOff<T>(names: string[], run: () => T): T {
  disableRules(names);
  try {
    return run();
  } finally {
    enableAllRules();
  }
}

describe('pre-cleaning removes the only text block of a short news story', () => {
  // newsweb-dev (L3S-GN1, 2007): a seven-paragraph story whose wrappers' class names read as page
  // furniture to pre-clean.
  const { doc, url } = load('en-short-news-home');

  it('keeps the story: the text home is never removed', () => {
    const out = extractArticle(doc(), { url });
    expect(out.net?.fired).toBe(false);
    expect(out.article?.text).toContain('The Nintendo Wii has been voted the best console of 2007');
    expect(out.article?.text).toContain('such as weight.');
    expect(out.article?.text.split('\n').length).toBeGreaterThanOrEqual(7);
  });

  it('is that kind of page: without the guards our layers are empty, and the net brings the story back', () => {
    const ours = withRulesOff(['text-home', 'gentle-retry', 'safety-net'], () => extractArticle(doc(), { url }));
    expect(ours.article?.text ?? '').not.toContain('The Nintendo Wii has been voted');
    const netted = withRulesOff(['text-home', 'gentle-retry'], () => extractArticle(doc(), { url }));
    expect(netted.net).toMatchObject({ fired: true, reasons: ['empty'], chose: 'readability' });
    expect(netted.article?.text).toContain('The Nintendo Wii has been voted the best console of 2007');
  });
});

describe('a list article cut to its first item', () => {
  // newsweb-dev (Dragnet, 2012): "How Memory Works: 10 Things Most People Get Wrong", ten
  // numbered sections, each a heading and its paragraphs.
  const { doc, url } = load('en-list-article-items');

  it('keeps every item, in order', () => {
    const text = extractArticle(doc(), { url }).article!.text;
    const items = text.split('\n').filter((l) => /^\d{1,2}\. /.test(l)).map((l) => Number(l.split('.')[0]));
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(text).toContain('1. Memory does not decay');
  });

  it('makes the net suspicious when what is left of it is a line or two of a much longer text home', () => {
    const out = withRulesOff(['safety-net'], () => extractArticle(doc(), { url }));
    const probe = out.net!.probe!;
    expect(suspect(textStats(out.article!.text), probe)).toEqual([]);
    // Cut to the introduction: one line, a tenth of the text home.
    const intro = out.article!.text.split('\n').find((l) => l.length > 200)!;
    expect(suspect(textStats(intro), probe)).toEqual(['short-of-home']);
  });

});

describe('the low threshold stopping at a short block', () => {
  // newsweb-dev (Dragnet, 2012): a photo story whose breadcrumb line, with a 100-character
  // threshold, is all Readability keeps; the story's paragraphs hold over ten times as much.
  const { doc, url } = load('en-freshome-short-pick');
  const read = () => extractArticle(doc(), { url }).article?.text ?? '';

  it("reads the page again with Readability's own threshold when the page holds far more running text", () => {
    expect(read()).toContain('We received photos and information about a striking residential makeover');
    // Without the retry (and without the net, which would catch it too), the breadcrumb is the article.
    const stopped = withRulesOff(['threshold-retry', 'safety-net'], read);
    expect(stopped).not.toContain('We received photos');
    expect(stopped.length).toBeLessThan(150);
  });
});

describe('the low threshold stopping at a box of widget lines', () => {
  // daniel-dev (kp.ru, 2012): with a 100-character threshold Readability stops at a box of a dozen
  // short lines (a standfirst, "found a typo?", code-for-your-blog links) beside the story.
  const { doc, url } = load('ru-kp-widget-pick');

  it("is caught by the net, which keeps Readability's text: it holds those lines and the story", () => {
    const out = extractArticle(doc(), { url });
    expect(out.net).toMatchObject({ fired: true, reasons: ['short-of-home'], chose: 'readability' });
    expect(out.article?.text).toContain('Ученые Университета Ридинга');
  });

  it('is that kind of page: without the net, the widget lines are the article', () => {
    const ours = withRulesOff(['safety-net'], () => extractArticle(doc(), { url })).article?.text ?? '';
    expect(ours).not.toContain('Ученые Университета Ридинга');
    expect(ours).toContain('Ctrl+Enter');
  });
});
