import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PageServer } from '../support/server.ts';

// The bad-input corpus: each input, how it is served, its one defined outcome and its time
// budget (from the toolbar click to the popup's final state). README.md in this folder has the
// same table in prose. Pages are in e2e/pages/bad; the two big ones are generated here.

type State = 'ready' | 'not-article' | 'error';

export interface BadInput {
  name: string;
  /** Where the page server answers. */
  path: string;
  file?: string;
  body?: () => string;
  contentType?: string;
  /** The defined outcome (two only where the browser's timing decides, said why). */
  outcomes: State[];
  budgetMs: number;
  /** Text the notice must hold when the outcome is not 'ready'. */
  notice?: string | RegExp;
  check?: (popup: Page, server: PageServer) => Promise<void>;
  /** A page-side condition to wait for before the click (script-built pages). */
  ready?: string;
  shot?: boolean;
}

const BAD = resolve(import.meta.dirname, '..', 'pages', 'bad');

const article = (popup: Page) => popup.getByTestId('article');
async function articleText(popup: Page): Promise<string> {
  return (await article(popup).innerText()).replace(/\s+/g, ' ');
}

/** The <h1> and first paragraph of a page in a legacy encoding, decoded by Node, to compare. */
function decoded(file: string, encoding: string): { title: string; first: string } {
  const html = new TextDecoder(encoding).decode(readFileSync(resolve(BAD, file)));
  return { title: /<h1>(.*?)<\/h1>/.exec(html)![1]!, first: /<p>(.*?)<\/p>/.exec(html)![1]! };
}

function encodingInputs(base: string, encoding: string, label: string): BadInput[] {
  const want = decoded(`${base}.html`, encoding);
  const check = async (popup: Page) => {
    await expect(popup.getByTestId('title')).toHaveText(want.title);
    expect(await articleText(popup)).toContain(want.first);
  };
  return [
    { name: `${base} (meta tag, no charset in the header)`, path: `/bad/${base}.html`, file: `${base}.html`, contentType: 'text/html', outcomes: ['ready'], budgetMs: 15_000, check },
    { name: `${base} (charset in the header only)`, path: `/bad/${base}-header.html`, file: `${base}-undeclared.html`, contentType: `text/html; charset=${label}`, outcomes: ['ready'], budgetMs: 15_000, check },
    { name: `${base} (declared nowhere)`, path: `/bad/${base}-undeclared.html`, file: `${base}-undeclared.html`, contentType: 'text/html', outcomes: ['ready'], budgetMs: 15_000, check },
  ];
}

const FIRST = 'The harbour at Tórshavn is busiest in the hour before dawn';
const LAST = 'people gather at the harbour wall to watch for its lights';

/** About 5 MB: a short article inside the bulk real news pages carry (an app-state JSON blob, menus). */
function fiveMegabytePage(): string {
  const base = readFileSync(resolve(BAD, 'iframes.html'), 'utf8').replace(/<iframe[^>]*><\/iframe>/g, '');
  const items = Array.from({ length: 60_000 }, (_, i) => ({ id: i, slug: `story-${i}`, headline: `Archive headline number ${i} about the harbour`, tags: ['news', 'faroe', `t${i % 97}`] }));
  const blob = `<script type="application/json" id="__APP_STATE__">${JSON.stringify({ items })}</script>`;
  const menu = `<nav class="mega-menu">${Array.from({ length: 4000 }, (_, i) => `<a href="/section/${i}">Section ${i}</a>`).join(' ')}</nav>`;
  const page = base.replace('<body>', `<body>\n${menu}`).replace('</body>', `${blob}\n</body>`);
  expect(page.length).toBeGreaterThan(5_000_000);
  return page;
}

/** 200,000 elements: the article, then a data table of 40,000 rows. */
function twoHundredThousandElements(): string {
  const base = readFileSync(resolve(BAD, 'iframes.html'), 'utf8').replace(/<iframe[^>]*><\/iframe>/g, '');
  const rows = Array.from({ length: 40_000 }, (_, i) => `<tr><td>${i}</td><td>Tórshavn</td><td>${(i * 7) % 1000} kg</td><td>cod</td></tr>`).join('');
  return base.replace('</article>', `</article>\n<table class="landings"><tbody>${rows}</tbody></table>`);
}

export const BAD_INPUTS: BadInput[] = [
  {
    name: 'no article (a sign-in form)', path: '/bad/no-article.html', file: 'no-article.html',
    // Little text, most of it in links: the popup says it does not look like an article.
    outcomes: ['not-article'], budgetMs: 15_000, notice: /look like an article/,
  },
  {
    name: 'frameset', path: '/bad/frameset.html', file: 'frameset.html',
    // The content script reads the top document, which has frames and no body text.
    outcomes: ['not-article'], budgetMs: 15_000, notice: /look like an article/,
  },
  {
    name: 'iframes in the article', path: '/bad/iframes.html', file: 'iframes.html',
    outcomes: ['ready'], budgetMs: 15_000,
    check: async (popup) => {
      expect(await articleText(popup)).toContain(LAST);
      await expect(article(popup).locator('iframe, frame, object, embed')).toHaveCount(0);
    },
  },
  {
    name: 'shadow DOM beside the article', path: '/bad/shadow-dom.html', file: 'shadow-dom.html',
    // Shadow roots are not part of a cloned document: their text is not read.
    outcomes: ['ready'], budgetMs: 15_000,
    check: async (popup) => {
      const text = await articleText(popup);
      expect(text).toContain(FIRST);
      expect(text).not.toContain('SHADOW-COMMENT-TEXT');
      expect(text).not.toContain('SHADOW-WIDGET-TEXT');
    },
  },
  {
    name: 'article only inside a shadow root', path: '/bad/shadow-only.html', file: 'shadow-only.html',
    outcomes: ['not-article'], budgetMs: 15_000, notice: /look like an article/,
  },
  {
    name: '<base href> and relative links', path: '/bad/base-href.html', file: 'base-href.html',
    outcomes: ['ready'], budgetMs: 15_000,
    check: async (popup) => {
      await expect(article(popup).locator('a[href="https://news.example.org/faroe/2024/harbour/auction.html"]')).toHaveCount(1);
      await expect(article(popup).locator('a[href="https://news.example.org/cooperative"]')).toHaveCount(1);
      await expect(popup.locator('img[src="https://news.example.org/faroe/2024/photos/quay.jpg"]')).toHaveCount(1);
    },
  },
  {
    name: 'relative and protocol-relative URLs', path: '/bad/relative-urls.html', file: 'relative-urls.html',
    outcomes: ['ready'], budgetMs: 15_000,
    check: async (popup, server) => {
      const hrefs = await article(popup).locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(expect.arrayContaining([
        `${server.origin}/archive/1962.html`, `${server.origin}/about`, `${server.origin}/bad/relative-urls.html?page=2`, 'http://maps.example.org/torshavn',
      ]));
      // The in-page link leads nowhere once ids are gone: kept as text, without an address.
      expect(hrefs).toContain(null);
      const srcs = await popup.locator('[data-testid=reader] img').evaluateAll((is) => is.map((i) => i.getAttribute('src')));
      expect(srcs).toEqual(expect.arrayContaining([`${server.origin}/hostile/img/photo.png`, 'http://example.org/cdn/boat.jpg']));
    },
  },
  ...encodingInputs('shift-jis', 'shift_jis', 'Shift_JIS'),
  ...encodingInputs('gbk', 'gbk', 'GBK'),
  ...encodingInputs('windows-1251', 'windows-1251', 'windows-1251'),
  {
    name: 'right-to-left (Arabic)', path: '/bad/rtl-arabic.html', file: 'rtl-arabic.html',
    outcomes: ['ready'], budgetMs: 15_000, shot: true,
    check: async (popup) => {
      await expect(article(popup)).toHaveAttribute('dir', 'rtl');
      await expect(popup.getByTestId('title')).toHaveAttribute('dir', 'rtl');
      expect(await articleText(popup)).toContain('تحلم فاطمة بأن تفتح مكتبات مشابهة');
    },
  },
  {
    name: 'mixed scripts', path: '/bad/mixed-scripts.html', file: 'mixed-scripts.html',
    outcomes: ['ready'], budgetMs: 15_000,
    check: async (popup) => {
      const text = await articleText(popup);
      for (const s of ['東京の代表は', 'Представитель Москвы', 'قال ممثل القاهرة', 'मुंबई के प्रतिनिधि', '👍🏽']) expect(text).toContain(s);
    },
  },
  {
    name: 'a 5 MB page', path: '/bad/five-megabytes.html', body: fiveMegabytePage,
    outcomes: ['ready'], budgetMs: 30_000,
    check: async (popup) => {
      const text = await articleText(popup);
      expect(text).toContain(FIRST);
      expect(text).not.toContain('Archive headline number');
    },
  },
  {
    name: '200,000 elements', path: '/bad/200k-elements.html', body: twoHundredThousandElements,
    outcomes: ['error'], budgetMs: 15_000, notice: /too many elements/, shot: true,
  },
  {
    name: 'a script-built DOM 5,000 levels deep', path: '/bad/deep-dom.html', file: 'deep-dom.html', ready: "document.documentElement.dataset.depth === '5000'",
    outcomes: ['error'], budgetMs: 15_000, notice: /too deeply/,
  },
  {
    name: 'a page that mutates all the time', path: '/bad/mutating.html', file: 'mutating.html', ready: "document.documentElement.dataset.mutating === 'yes'",
    outcomes: ['ready'], budgetMs: 15_000,
    check: async (popup) => {
      const text = await articleText(popup);
      expect(text).toContain(FIRST);
      expect(text).toContain(LAST);
    },
  },
  {
    name: 'a page that navigates while it is read', path: '/bad/navigating.html', file: 'navigating.html',
    // Which document Sift reads depends on when the browser commits the navigation: the page as
    // it was (ready), the page it went to (ready, read again once), or, when the grant went with
    // the old page, a clear "the page changed" error. Never a hang or a wrong message.
    outcomes: ['ready', 'error'], budgetMs: 20_000, notice: /page changed while Sift was reading it/,
    check: async (popup) => {
      expect(await articleText(popup)).toContain(FIRST);
    },
  },
];
