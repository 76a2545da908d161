import type { Article, Entity, EntityType } from '../core/types.ts';
import { highlightEntities } from '../core/entities/highlight.ts';
import { sanitizeArticleHtml, safeHttpUrl } from './sanitize.ts';
import { formatDate, t } from './i18n.ts';

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

function leadFigure(article: Article, body: DocumentFragment): HTMLElement | null {
  const src = safeHttpUrl(article.leadImage?.src);
  if (!src) return null;
  const inBody = Array.from(body.querySelectorAll('img')).some((img) => sameImage(img.getAttribute('src') ?? '', src));
  if (inBody) return null;
  const img = el('img', { src, alt: article.leadImage?.alt ?? '', loading: 'lazy', referrerPolicy: 'no-referrer' });
  const fig = el('figure', { className: 'lead-image' }, img);
  if (article.leadImage?.caption) fig.append(el('figcaption', { textContent: article.leadImage.caption }));
  return fig;
}

function metaLine(article: Article): HTMLElement {
  const parts: (Node | string)[] = [];
  const push = (node: Node | string) => {
    if (parts.length) parts.push(el('span', { className: 'sep', textContent: ' · ', ariaHidden: 'true' }));
    parts.push(node);
  };
  const home = safeHttpUrl(article.canonicalUrl || article.url);
  const site = article.siteName || (home ? new URL(home).hostname.replace(/^www\./, '') : '');
  if (site) push(home ? el('a', { href: home, target: '_blank', rel: 'noopener noreferrer', textContent: site }) : site);
  if (article.byline) push(el('span', { className: 'byline', textContent: article.byline }));
  if (article.publishedTime) {
    push(el('time', { dateTime: article.publishedTime, textContent: formatDate(article.publishedTime) }));
  }
  push(el('span', { className: 'reading-time', textContent: t('readingTime', String(article.readingMinutes)) }));
  return el('p', { className: 'article-meta' }, ...parts);
}

/**
 * Render an article into `host`: lead image, title, metadata line and the sanitised body with
 * entity highlights. Shared by the popup and the library's reader.
 */
export function renderReader(host: HTMLElement, article: Article, entities: Entity[], opts: ReaderOptions): { marks: number } {
  const body = sanitizeArticleHtml(article.html);
  if (!opts.showImages) for (const img of Array.from(body.querySelectorAll('img'))) img.remove();
  const marks = highlightEntities(body, entities, opts.enabledTypes);
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
  const lead = opts.showImages ? leadFigure(article, body) : null;
  if (lead) header.append(lead);
  header.append(title, metaLine(article));
  host.replaceChildren(header, bodyEl);
  return { marks };
}
