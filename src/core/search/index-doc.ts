import type { Clipping } from '../clipping.ts';
import type { IndexDoc } from './search-index.ts';

/** What of a clipping is searchable: title, text, site and entities (plus byline, tags and note). */
export function indexDoc(c: Clipping): IndexDoc {
  return {
    id: c.id,
    updatedAt: c.updatedAt,
    title: c.title,
    text: c.text,
    entities: c.entities.flatMap((e) => [e.name, ...e.aliases]),
    meta: [c.siteName ?? '', c.byline ?? '', ...c.tags, c.note, ...(c.annotations ?? []).map((a) => a.body?.value ?? '')].filter(Boolean),
  };
}
