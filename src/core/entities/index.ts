import type { Article, Entity, EntitySource, EntityType } from '../types.ts';
import { readPageTags } from './page-tags.ts';
import { regionNames } from './regions.ts';
import { countMentions } from './mentions.ts';

export interface EntityInput {
  /** The original page, before cleaning: page tags live outside the article body. */
  doc: Document | null;
  article: Pick<Article, 'text' | 'title' | 'lang'>;
  /** The UI language, whose region names are also looked for. */
  uiLang?: string;
}

interface Draft {
  name: string;
  type: EntityType;
  aliases: Set<string>;
  sources: Set<EntitySource>;
}

function baseLang(tag: string | null | undefined): string | null {
  return tag ? tag.split(/[-_]/)[0]!.toLowerCase() : null;
}

/** The layered tagger: page tags, then gazetteers. Returns entities sorted by mentions. */
export function findEntities(input: EntityInput): Entity[] {
  const text = `${input.article.title}\n${input.article.text}`;
  const drafts = new Map<string, Draft>();
  const add = (name: string, type: EntityType, source: EntitySource): Draft => {
    let d = drafts.get(name);
    if (!d) {
      d = { name, type, aliases: new Set(), sources: new Set() };
      drafts.set(name, d);
    } else if (d.type === 'topic' && type !== 'topic') {
      d.type = type;
    }
    d.sources.add(source);
    return d;
  };

  const locales = [...new Set([baseLang(input.article.lang), 'en', baseLang(input.uiLang)].filter((x): x is string => !!x))];
  const regions = locales.map(regionNames);
  const regionOf = (name: string): string | undefined => regions.map((r) => r.get(name)).find(Boolean);

  if (input.doc) {
    for (const tag of readPageTags(input.doc)) {
      add(tag.name, tag.type ?? (regionOf(tag.name) ? 'place' : 'topic'), tag.source);
    }
  }
  for (const map of regions) {
    for (const name of map.keys()) {
      if (name.length >= 2 && text.includes(name) && countMentions(text, [name]) > 0) add(name, 'place', 'gazetteer');
    }
  }

  const out: Entity[] = [];
  for (const d of drafts.values()) {
    const aliases = [...d.aliases];
    const count = countMentions(input.article.text, [d.name, ...aliases]);
    // Page tags are kept even when the cleaned text never names them: they describe the page.
    if (count === 0 && !d.sources.has('page-tag') && !d.sources.has('jsonld')) continue;
    out.push({ name: d.name, type: d.type, aliases, count, sources: [...d.sources] });
  }
  return out.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
