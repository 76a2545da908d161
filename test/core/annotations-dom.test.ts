import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { prepare } from '../../src/core/annotations/anchor.ts';
import { makeAnnotation } from '../../src/core/annotations/annotation.ts';
import { markHighlights } from '../../src/core/annotations/dom-marks.ts';
import { textFragmentUrl } from '../../src/core/annotations/fragment.ts';
import { buildTextMap, mapToText, rangeToSpan } from '../../src/core/annotations/text-map.ts';
import { shownText } from '../../src/core/annotations/types.ts';
import { ENGLISH_HIGHLIGHT_LABELS, highlightsHtml, highlightsMarkdown } from '../../src/core/export/highlights-section.ts';
import { articleMarkdown } from '../../src/core/export/markdown.ts';
import { blockText } from '../../src/core/text/block-text.ts';
import { makeClipping } from '../../src/core/clipping.ts';

// Between a rendered article and the clipping's text: a DOM selection becomes text offsets, and
// highlights go back into the DOM as marks, across inline markup, entity marks and paragraphs,
// in CJK and RTL text.

const HTML = `<h2>标题 Title</h2><p>The <a href="https://x.test">council</a> voted <mark data-entity-type="organization" data-entity="NASA">NASA</mark> funds.</p>
<figure><img src="https://x.test/i.png"><figcaption>A caption</figcaption></figure>
<p>第二段：北京的<b>天气</b>很好。</p><p dir="rtl">שלום עולם, זה טקסט.</p>`;

function body(): HTMLElement {
  const dom = new JSDOM(`<div class="article-body">${HTML}</div>`);
  return dom.window.document.querySelector('.article-body')!;
}

function select(root: HTMLElement, from: string, to: string): Range {
  const map = buildTextMap(root);
  const s = map.text.indexOf(from);
  const e = map.text.indexOf(to) + to.length;
  const find = (at: number) => {
    const i = map.starts.findLastIndex((st) => st <= at);
    return { node: map.nodes[i]!, offset: at - map.starts[i]! };
  };
  const r = root.ownerDocument.createRange();
  const a = find(s);
  const b = find(e - 1);
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset + 1);
  return r;
}

describe('DOM selections and the clipping text', () => {
  const text = blockText(body(), { skipCaptions: 'data-x' });

  it('maps a selection across a link, an entity mark and two paragraphs to the clipping text', () => {
    const root = body();
    const map = buildTextMap(root);
    const span = rangeToSpan(map, select(root, 'council', '北京'))!;
    const inText = mapToText(map, prepare(text), span)!;
    expect(text.slice(inText.start, inText.end)).toBe('council voted NASA funds.\n第二段：北京');
  });

  it('marks highlights back in the DOM, piece by piece, leaving the text and entity marks as they were', () => {
    const root = body();
    const before = root.textContent;
    const cross = makeAnnotation('urn:uuid:a1', text, { start: text.indexOf('voted'), end: text.indexOf('天气') + 2 }, 'green');
    const rtl = makeAnnotation('urn:uuid:a2', text, { start: text.indexOf('עולם'), end: text.indexOf('עולם') + 4 }, 'blue');
    const missing = markHighlights(root, prepare(text), [cross, rtl]);
    expect(missing.size).toBe(0);
    const pieces = Array.from(root.querySelectorAll('mark[data-annotation-id="urn:uuid:a1"]'));
    expect(pieces.map((m) => m.textContent).join('')).toBe('voted NASA funds.第二段：北京的天气');
    expect(root.querySelector('mark[data-entity="NASA"] mark[data-annotation-id]')?.textContent).toBe('NASA');
    expect(root.querySelector('figcaption mark')).toBeNull();
    expect(root.querySelector('mark[data-annotation-color=blue]')?.textContent).toBe('עולם');
    expect(root.textContent).toBe(before);
  });
});

describe('exports of highlights', () => {
  it('Markdown: ==text== joined across pieces, a Highlights section with escaped notes and no bidi controls', () => {
    const root = body();
    const text = blockText(root);
    const a = makeAnnotation('urn:uuid:b1', text, { start: text.indexOf('council'), end: text.indexOf('NASA') + 4 }, 'yellow', 'See <script>x</script> \u202Eevil');
    markHighlights(root, prepare(text), [a]);
    const c = { ...makeClipping('cccccccc-1', { title: 'T', html: '', text, url: 'https://x.test/a', canonicalUrl: 'https://x.test/a', byline: null, siteName: null, publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr', sourceUrl: null, leadImage: null, excerpt: null, wordCount: 1, readingMinutes: 1 }, []), annotations: [a] };
    const md = articleMarkdown(c, [], root, highlightsMarkdown(c.annotations, ENGLISH_HIGHLIGHT_LABELS));
    expect(md).toContain('The [==council==](https://x.test) ==voted NASA== funds.');
    expect(md).toContain('## Highlights\n\n> council voted NASA\n\n*Yellow*\nSee \\<script>x\\</script> evil');
    const html = highlightsHtml(c.annotations, ENGLISH_HIGHLIGHT_LABELS);
    expect(html).toContain('<mark data-annotation-color="yellow">council voted NASA</mark>');
    expect(html).toContain('See &lt;script&gt;x&lt;/script&gt; evil');
    expect(shownText('a\u2066b\u2069\u202ec')).toBe('abc');
  });

  it('links to a passage with a text fragment (whole words of context; none in CJK)', () => {
    expect(textFragmentUrl('https://x.test/a#top', { exact: 'voted NASA funds', prefix: 'The council ', suffix: ' and more words here' }))
      .toBe('https://x.test/a#:~:text=council-,voted%20NASA%20funds,-and%20more%20words');
    expect(textFragmentUrl('https://x.test/a', { exact: '北京的天气', prefix: '第二段：', suffix: '很好' })).toBe(`https://x.test/a#:~:text=${encodeURIComponent('北京的天气')}`);
    const long = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textFragmentUrl('https://x.test/a', { exact: long, prefix: '', suffix: '' })).toBe('https://x.test/a#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve');
  });
});
