// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Article, Entity } from '../../src/core/types.ts';
import { ROOT } from '../helpers.ts';

// The shared reader (src/ui/reader.ts) rendered in jsdom with the real English messages: script
// detection, direction, scrollable tables and code, and the described, focusable highlights.

const messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = {};
for (const f of readdirSync(join(ROOT, 'locales/en'))) Object.assign(messages, JSON.parse(readFileSync(join(ROOT, 'locales/en', f), 'utf8')));

vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getUILanguage: () => 'en-US',
      getMessage: (key: string, subs?: string | string[]) => {
        const m = messages[key];
        if (!m) return '';
        const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
        return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
          const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
          return content.replace(/\$(\d)/g, (__, i: string) => list[Number(i) - 1] ?? '');
        });
      },
    },
  },
}));

let renderReader: typeof import('../../src/ui/reader.ts').renderReader;
let isCjkArticle: typeof import('../../src/ui/reader.ts').isCjkArticle;
beforeAll(async () => {
  ({ renderReader, isCjkArticle } = await import('../../src/ui/reader.ts'));
});

function article(over: Partial<Article>): Article {
  return {
    title: 'Title', byline: null, siteName: 'Example', publishedTime: '2021-01-27', modifiedTime: null, lang: 'en', dir: 'ltr',
    url: 'https://example.org/a', canonicalUrl: 'https://example.org/a', sourceUrl: null, leadImage: null, excerpt: null,
    wordCount: 300, readingMinutes: 2, html: '<p>Hello.</p>', text: 'Hello.', ...over,
  };
}

const all = new Set(['person', 'place', 'organization', 'topic'] as const);
const host = () => document.createElement('article');

describe('reader', () => {
  it('marks only very long articles for lazy layout (a 6 MB report would block the first frame for seconds)', () => {
    const h = host();
    renderReader(h, article({ html: '<p>Short.</p>', text: 'Short.' }), [], { enabledTypes: all, showImages: true });
    expect(h.hasAttribute('data-long')).toBe(false);
    const long = 'word '.repeat(60_000);
    renderReader(h, article({ html: `<p>${long}</p>`, text: long }), [], { enabledTypes: all, showImages: true });
    expect(h.hasAttribute('data-long')).toBe(true);
    const css = readFileSync(join(ROOT, 'src/ui/reader.css'), 'utf8');
    expect(css).toMatch(/\.reader\[data-long\][^{]*\{[^}]*content-visibility:\s*auto/);
  });

  it('lays out an RTL article right to left and keeps its language on title and body', () => {
    const h = host();
    renderReader(h, article({ lang: 'ar', dir: 'rtl', title: 'عنوان المقال', html: '<p>مرحبا بالعالم</p>', text: 'مرحبا بالعالم' }), [], { enabledTypes: all, showImages: true });
    expect(h.dir).toBe('rtl');
    expect(h.querySelector('h1')!.dir).toBe('rtl');
    expect(h.querySelector('h1')!.lang).toBe('ar');
    expect(h.querySelector<HTMLElement>('[data-testid=article]')!.dir).toBe('rtl');
    expect(h.dataset.script).toBe('other');
  });

  it('knows CJK articles by their language, or by their text when the page names none', () => {
    expect(isCjkArticle({ lang: 'zh-CN', title: '', text: '' })).toBe(true);
    expect(isCjkArticle({ lang: 'ja', title: '', text: '' })).toBe(true);
    expect(isCjkArticle({ lang: 'en', title: '', text: '布林肯与加墨日韩外长通话' })).toBe(false);
    expect(isCjkArticle({ lang: null, title: '布林肯与加墨日韩外长通话', text: '据美国国务院对外发布的消息 (Antony Blinken)' })).toBe(true);
    expect(isCjkArticle({ lang: null, title: 'A title', text: 'Plain English text with one 中 character.' })).toBe(false);
  });

  it('puts wide tables in a labelled, keyboard-scrollable region and makes code blocks focusable', () => {
    const h = host();
    const html = '<table><caption>Results</caption><tr><th>a</th></tr></table><table><tr><td>b</td></tr></table><pre><code>x = 1</code></pre>';
    renderReader(h, article({ html }), [], { enabledTypes: all, showImages: true });
    const wraps = h.querySelectorAll<HTMLElement>('.table-wrap');
    expect(wraps).toHaveLength(2);
    expect(wraps[0]!.getAttribute('role')).toBe('region');
    expect(wraps[0]!.getAttribute('aria-label')).toBe('Results');
    expect(wraps[1]!.getAttribute('aria-label')).toBe('Table');
    expect(wraps[0]!.tabIndex).toBe(0);
    expect(h.querySelector('pre')!.tabIndex).toBe(0);
  });

  it('describes every highlight by type and mentions, with one tab stop per entity', () => {
    const h = host();
    const entities: Entity[] = [
      { name: 'Paris', type: 'place', aliases: [], count: 2, sources: ['rule'] },
      { name: 'Ada Lovelace', type: 'person', aliases: ['Lovelace'], count: 1, sources: ['rule'] },
    ];
    const html = '<p>Ada Lovelace went to Paris.</p><p>Paris was cold.</p>';
    const { marks } = renderReader(h, article({ html }), entities, { enabledTypes: all, showImages: true });
    expect(marks).toBe(3);
    const paris = h.querySelectorAll<HTMLElement>('mark[data-entity="Paris"]');
    expect([...paris].map((m) => m.tabIndex)).toEqual([0, -1]);
    const desc = (m: Element) => h.querySelector(`#${m.getAttribute('aria-describedby')}`)!.textContent;
    expect(desc(paris[0]!)).toBe('Place, 2 mentions');
    expect(desc(paris[1]!)).toBe('Place, 2 mentions');
    expect(desc(h.querySelector('mark[data-entity="Ada Lovelace"]')!)).toBe('Person, 1 mention');
    // The descriptions are not part of the article's text.
    expect(h.querySelector('[data-testid=article]')!.textContent).toBe('Ada Lovelace went to Paris.Paris was cold.');
  });

  it('shows the lead image with its caption unless images are off, and dates in the UI language', () => {
    const lead = { src: 'https://example.org/lead.jpg', alt: 'A harbour', caption: 'The harbour at dawn' };
    const h = host();
    renderReader(h, article({ leadImage: lead, html: '<p>Text <img src="https://example.org/b.jpg" alt="b"></p>' }), [], { enabledTypes: all, showImages: true });
    expect(h.querySelector('.lead-image img')!.getAttribute('src')).toBe(lead.src);
    expect(h.querySelector('.lead-image figcaption')!.textContent).toBe(lead.caption);
    expect(h.querySelector('time')!.textContent).toBe('Jan 27, 2021');
    expect(h.querySelector('.reading-time')!.textContent).toBe('2 min read');
    renderReader(h, article({ leadImage: lead, html: '<p>Text <img src="https://example.org/b.jpg" alt="b"></p>' }), [], { enabledTypes: all, showImages: false });
    expect(h.querySelectorAll('img')).toHaveLength(0);
  });

  it('does not show the lead image twice when the body already opens with it', () => {
    const lead = { src: 'https://example.org/lead-1200.jpg', alt: '', caption: 'The harbour at dawn' };
    const h = host();
    const html = '<div><figure><img src="https://example.org/lead-640.jpg" alt=""><figcaption>The harbour at dawn</figcaption></figure><p>Text.</p></div>';
    renderReader(h, article({ leadImage: lead, html }), [], { enabledTypes: all, showImages: true });
    expect(h.querySelector('.lead-image')).toBeNull();
    expect(h.querySelectorAll('img')).toHaveLength(1);
  });
});
