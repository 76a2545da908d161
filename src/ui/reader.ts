import type { Article, Entity, EntityType } from '../core/types.ts';
import { highlightEntities } from '../core/entities/highlight.ts';
import { countCjk } from '../core/text/scripts.ts';
import { sanitizeArticleHtml, safeHttpUrl } from './sanitize.ts';
import { formatDate, formatNumber, t } from './i18n.ts';
import { annotateMarks, attachEntityTooltip } from './entity-tooltip.ts';

export interface ReaderOptions {
  enabledTypes: ReadonlySet<EntityType>;
  showImages: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

function sameImage(a: string, b: string): boolean {
  const strip = (u: string) => u.replace(/^https?:/, '').replace(/[?#].*$/, '');
  return strip(a) === strip(b);
}

/** The first block of the body, looking through the wrapper elements Readability leaves. */
function firstBlock(body: ParentNode): Element | null {
  let el = body.firstElementChild;
  while (el && /^(DIV|SECTION|ARTICLE|MAIN)$/.test(el.tagName) && el.firstElementChild) el = el.firstElementChild;
  return el;
}

/** Whether the body already shows the lead image: the same file, its caption, or a picture on top. */
function bodyHasLead(article: Article, body: ParentNode, src: string): boolean {
  if (Array.from(body.querySelectorAll('img')).some((img) => sameImage(img.getAttribute('src') ?? '', src))) return true;
  const caption = article.leadImage?.caption?.replace(/\s+/g, '');
  if (caption && Array.from(body.querySelectorAll('figcaption')).some((c) => c.textContent?.replace(/\s+/g, '') === caption)) return true;
  const first = firstBlock(body);
  return !!first && (/^(FIGURE|IMG|PICTURE)$/.test(first.tagName) || (first.tagName === 'P' && !first.textContent?.trim() && !!first.querySelector('img')));
}

function leadFigure(article: Article, body: ParentNode): HTMLElement | null {
  const src = safeHttpUrl(article.leadImage?.src);
  if (!src || bodyHasLead(article, body, src)) return null;
  const img = el('img', { src, alt: article.leadImage?.alt ?? '', referrerPolicy: 'no-referrer' });
  img.decoding = 'async';
  const fig = el('figure', { className: 'lead-image' }, img);
  if (article.leadImage?.caption) fig.append(el('figcaption', { textContent: article.leadImage.caption }));
  return fig;
}

function metaLine(article: Article): HTMLElement {
  const parts: (Node | string)[] = [];
  const push = (node: Node | string) => {
    if (parts.length) parts.push(el('span', { className: 'sep', textContent: '·', ariaHidden: 'true' }));
    parts.push(node);
  };
  const home = safeHttpUrl(article.canonicalUrl || article.url);
  const site = article.siteName || (home ? new URL(home).hostname.replace(/^www\./, '') : '');
  if (site) push(home ? el('a', { href: home, target: '_blank', rel: 'noopener noreferrer', textContent: site }) : site);
  if (article.byline) push(el('span', { className: 'byline', textContent: article.byline }));
  if (article.publishedTime) {
    const date = formatDate(article.publishedTime);
    if (date) push(el('time', { dateTime: article.publishedTime, textContent: date }));
  }
  push(el('span', { className: 'reading-time', textContent: t('readingTime', formatNumber(article.readingMinutes)) }));
  return el('p', { className: 'article-meta' }, ...parts);
}

/** Chinese, Japanese or Korean: from the page's language, else from the text itself. */
export function isCjkArticle(article: Pick<Article, 'lang' | 'text' | 'title'>): boolean {
  if (article.lang) return /^(zh|ja|ko)\b/i.test(article.lang);
  const sample = `${article.title}\n${article.text.slice(0, 3000)}`;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && countCjk(sample) / letters > 0.3;
}

/**
 * An image that cannot load (offline, gone, blocked) is hidden rather than shown broken. Its
 * caption stays: it is part of the article's text (and may name people and places).
 */
function hideWhenBroken(root: ParentNode): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    img.addEventListener('error', () => img.classList.add('image-broken'), { once: true });
  }
}

/**
 * Wide tables and code scroll sideways inside the column. A scrolling box must be reachable by
 * keyboard (WCAG 2.1.1), so it gets a tab stop; a table's box is a labelled region.
 */
function makeScrollable(body: DocumentFragment): void {
  for (const table of Array.from(body.querySelectorAll('table'))) {
    if (table.parentElement?.classList.contains('table-wrap')) continue;
    const wrap = el('div', { className: 'table-wrap', tabIndex: 0 });
    wrap.setAttribute('role', 'region');
    const caption = table.caption?.textContent?.trim();
    wrap.setAttribute('aria-label', caption ? caption.slice(0, 120) : t('readerTable'));
    table.replaceWith(wrap);
    wrap.append(table);
  }
  for (const pre of Array.from(body.querySelectorAll('pre'))) pre.tabIndex = 0;
}

/**
 * Render an article into `host`: lead image, title, metadata line and the sanitised body with
 * entity highlights, each described for hover, focus and screen readers. Shared by the popup and
 * the library's reader.
 */
/** Characters of text above which the reader lays out lazily (about two hours of reading). */
const LONG_ARTICLE = 200_000;

export function renderReader(host: HTMLElement, article: Article, entities: Entity[], opts: ReaderOptions): { marks: number } {
  const body = sanitizeArticleHtml(article.html);
  if (!opts.showImages) for (const img of Array.from(body.querySelectorAll('img'))) img.remove();
  const marks = highlightEntities(body, entities, opts.enabledTypes);
  makeScrollable(body);
  const lang = article.lang ?? '';
  const bodyEl = el('div', { className: 'article-body' }, body);
  bodyEl.dataset.testid = 'article';
  if (lang) bodyEl.lang = lang;
  bodyEl.dir = article.dir;
  const title = el('h1', { className: 'article-title', textContent: article.title });
  title.dataset.testid = 'title';
  if (lang) title.lang = lang;
  title.dir = article.dir;
  const header = el('header', { className: 'article-header' });
  // The body fragment now lives in bodyEl: look there.
  const lead = opts.showImages ? leadFigure(article, bodyEl) : null;
  if (lead) header.append(lead);
  header.append(title, metaLine(article));
  const descriptions = el('div', { className: 'entity-descriptions', hidden: true });
  annotateMarks(bodyEl, descriptions, entities);
  host.dataset.script = isCjkArticle(article) ? 'cjk' : 'other';
  // A very long article lays out only the blocks near the screen (reader.css): a 6 MB report
  // otherwise takes the popup's first frame many seconds.
  host.toggleAttribute('data-long', article.text.length > LONG_ARTICLE);
  host.dir = article.dir;
  hideWhenBroken(header);
  hideWhenBroken(bodyEl);
  host.replaceChildren(header, bodyEl, descriptions);
  attachEntityTooltip(host);
  return { marks };
}
