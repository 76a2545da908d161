import TurndownService from 'turndown';
import type { Article, Entity } from '../types.ts';

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** YAML front matter with the article's metadata and entities (Obsidian reads it as properties). */
export function frontMatter(article: Article, entities: Entity[] = []): string {
  const lines = ['---', `title: ${yamlString(article.title)}`, `url: ${yamlString(article.canonicalUrl || article.url)}`];
  if (article.sourceUrl) lines.push(`source: ${yamlString(article.sourceUrl)}`);
  if (article.siteName) lines.push(`site: ${yamlString(article.siteName)}`);
  if (article.byline) lines.push(`author: ${yamlString(article.byline)}`);
  if (article.publishedTime) lines.push(`published: ${yamlString(article.publishedTime)}`);
  if (article.lang) lines.push(`lang: ${yamlString(article.lang)}`);
  for (const type of ['person', 'place', 'organization', 'topic'] as const) {
    const names = entities.filter((e) => e.type === type).map((e) => e.name);
    if (names.length) lines.push(`${type === 'person' ? 'people' : type === 'place' ? 'places' : type === 'organization' ? 'organizations' : 'topics'}: [${names.map(yamlString).join(', ')}]`);
  }
  lines.push('---', '');
  return lines.join('\n');
}

/** Markdown for an article. `html` may be a string (Node) or a node (extension pages, no parsing). */
export function articleMarkdown(article: Article, entities: Entity[] = [], body: string | Node = article.html): string {
  const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  const md = td.turndown(body as string);
  return `${frontMatter(article, entities)}# ${article.title}\n\n${md}\n`;
}
