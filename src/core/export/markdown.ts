import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';
import type { Article, Entity } from '../types.ts';
import type { Clipping } from '../clipping.ts';

// Markdown with YAML front matter (Obsidian, Logseq and static-site tools read it as properties).

function yamlString(s: string): string {
  return JSON.stringify(s);
}

const ENTITY_KEYS = { person: 'people', place: 'places', organization: 'organizations', topic: 'topics' } as const;

/** YAML front matter with the article's metadata, entities and, for a clipping, tags, note and dates. */
export function frontMatter(article: Article | Clipping, entities: Entity[] = []): string {
  const lines = ['---', `title: ${yamlString(article.title)}`, `url: ${yamlString(article.canonicalUrl || article.url)}`];
  if (article.sourceUrl) lines.push(`source: ${yamlString(article.sourceUrl)}`);
  if (article.siteName) lines.push(`site: ${yamlString(article.siteName)}`);
  if (article.byline) lines.push(`author: ${yamlString(article.byline)}`);
  if (article.publishedTime) lines.push(`published: ${yamlString(article.publishedTime)}`);
  if (article.lang) lines.push(`lang: ${yamlString(article.lang)}`);
  if ('savedAt' in article) {
    lines.push(`saved: ${yamlString(article.savedAt)}`);
    if (article.tags.length) lines.push(`tags: [${article.tags.map(yamlString).join(', ')}]`);
    if (article.note) lines.push(`note: ${yamlString(article.note)}`);
    lines.push(`sift_id: ${yamlString(article.id)}`);
  }
  for (const type of ['person', 'place', 'organization', 'topic'] as const) {
    const names = entities.filter((e) => e.type === type).map((e) => e.name);
    if (names.length) lines.push(`${ENTITY_KEYS[type]}: [${names.map(yamlString).join(', ')}]`);
  }
  lines.push('---', '');
  return lines.join('\n');
}

/**
 * The element whose Markdown a piece of a highlight sits in: its parent, looking through entity
 * marks and spans (which leave no syntax). Pieces in one such element share one ==…== pair;
 * a link, emphasis or a new paragraph closes it and opens another, so the syntax always nests.
 */
function blockOf(el: Element): Element | null {
  let e: Element | null = el.parentElement;
  while (e && (e.nodeName === 'SPAN' || (e.nodeName === 'MARK' && e.hasAttribute('data-entity')))) e = e.parentElement;
  return e;
}
/** CSS.escape is not in every DOM (linkedom, older jsdom): enough for the ids Sift makes and checks. */
const CSS_ESCAPE = (s: string) => s.replace(/["\\]/g, '\\$&');

function turndown(): TurndownService {
  const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  td.use(gfm);
  // Page text that looks like HTML ("<img onerror=...>" written as text) must stay text: Markdown
  // renderers pass raw HTML through. Turndown escapes Markdown syntax but not "<" (security e2e).
  const escapeMarkdown = td.escape.bind(td);
  td.escape = (text: string) => escapeMarkdown(text).replace(/</g, '\\<');
  td.addRule('image-escaped-alt', {
    filter: 'img',
    replacement: (_content, node) => {
      const img = node as HTMLElement;
      const src = (img.getAttribute('src') ?? '').replace(/([<>()])/g, '\\$1');
      if (!src) return '';
      const alt = td.escape((img.getAttribute('alt') ?? '').replace(/\s+/g, ' '));
      const title = (img.getAttribute('title') ?? '').replace(/\s+/g, ' ').replace(/"/g, '\\"');
      return `![${alt}](${src.includes(' ') ? `<${src}>` : src}${title ? ` "${title}"` : ''})`;
    },
  });
  // Highlights are Sift's own marks, not the author's: keep their text only.
  td.addRule('entity-marks', { filter: (node) => node.nodeName === 'MARK' && node.hasAttribute('data-entity'), replacement: (content) => content });
  // The reader's own highlights (marked in the DOM by the caller when wanted): ==text==, the
  // highlight syntax of Obsidian, Logseq and most Markdown editors. A highlight split into
  // pieces (around a link, an entity) is joined again below.
  td.addRule('annotation-marks', {
    filter: (node) => node.nodeName === 'MARK' && node.hasAttribute('data-annotation-id'),
    replacement: (content, node) => {
      if (!content.trim()) return content;
      // One pair of == per highlight and element (blockOf): a highlight split into pieces opens
      // at its first piece and closes at its last one there.
      const el = node as HTMLElement;
      const root = el.getRootNode() as ParentNode;
      const pieces = Array.from(root.querySelectorAll(`mark[data-annotation-id="${CSS_ESCAPE(el.getAttribute('data-annotation-id') ?? '')}"]`));
      const i = pieces.indexOf(el);
      const open = i <= 0 || blockOf(pieces[i - 1]!) !== blockOf(el);
      const close = i < 0 || i === pieces.length - 1 || blockOf(pieces[i + 1]!) !== blockOf(el);
      return `${open ? '==' : ''}${content}${close ? '==' : ''}`;
    },
  });
  return td;
}

/** Markdown for an article. `body` may be a string (Node) or a node (extension pages, no parsing). */
export function articleMarkdown(article: Article, entities: Entity[] = [], body: string | Node = article.html, after = ''): string {
  const td = turndown();
  const md = td.turndown(body as string);
  return `${frontMatter(article, entities)}# ${td.escape(article.title.replace(/\s+/g, ' '))}\n\n${md}\n${after}`;
}

/** Markdown-escape plain text the way the body is escaped (also "<", so no HTML gets through). */
export function escapeMarkdownText(text: string): string {
  return turndown().escape(text);
}
