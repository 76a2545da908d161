import type { FetchPolicy } from '../url-policy.ts';
import { Collector, isoTime } from './collect.ts';
import type { ReadingList, ReadingStatus } from './types.ts';

// wallabag's JSON export: an array of entries {id, title, url, is_archived, is_starred, tags,
// content, created_at, ...}; tags are labels (strings; some versions write {label}).
// Omnivore's export metadata (metadata_N_to_M.json in its zip): an array of {id, slug, title,
// url, state, labels, savedAt, ...}, state "Archived" for archived items.

type Entry = Record<string, unknown>;

const labels = (v: unknown): unknown[] =>
  Array.isArray(v) ? v.map((t) => (t && typeof t === 'object' ? ((t as Entry).label ?? (t as Entry).name ?? (t as Entry).slug) : t)) : [];

export function isWallabagEntry(e: unknown): boolean {
  return !!e && typeof e === 'object' && 'url' in e && ('is_archived' in e || 'is_starred' in e || 'reading_time' in e);
}

export function isOmnivoreEntry(e: unknown): boolean {
  return !!e && typeof e === 'object' && 'url' in e && 'slug' in e && ('savedAt' in e || 'state' in e);
}

function truthy(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 'true';
}

export function parseWallabag(entries: unknown[], policy: FetchPolicy): ReadingList {
  const c = new Collector('wallabag-json', policy);
  entries.forEach((raw, i) => {
    const line = i + 1;
    if (!raw || typeof raw !== 'object') return c.refuse(line, 'Not an entry (an object with a url).');
    const e = raw as Entry;
    const tags = labels(e.tags);
    if (truthy(e.is_starred)) tags.push('Starred');
    const content = typeof e.content === 'string' && e.content.trim() && isHtmlType(e.mimetype) ? e.content : undefined;
    c.add({ line, url: e.url, title: e.title, savedAt: isoTime(e.created_at), tags, status: truthy(e.is_archived) ? 'archived' : 'unread', content });
  });
  return c.done();
}

function isHtmlType(v: unknown): boolean {
  return typeof v !== 'string' || v === '' || /html/i.test(v);
}

/** Omnivore items; `content(slug)` gives the saved page from the zip's content/ folder, if any. */
/** Omnivore metadata alone (a metadata_*.json taken out of its zip): nothing saved to use. */
export function parseOmnivoreJson(entries: unknown[], policy: FetchPolicy): ReadingList {
  const c = new Collector('omnivore-json', policy);
  entries.forEach((raw, i) => addOmnivore(c, raw, i + 1, () => undefined));
  return c.done();
}

export function addOmnivore(c: Collector, raw: unknown, line: number, content: (slug: string) => string | undefined): void {
  if (!raw || typeof raw !== 'object') return c.refuse(line, 'Not an entry (an object with a url).');
  const e = raw as Entry;
  const state = String(e.state ?? '').toLowerCase();
  if (state === 'deleted') return c.refuse(line, 'Deleted in Omnivore.');
  const status: ReadingStatus = state === 'archived' ? 'archived' : 'unread';
  const slug = typeof e.slug === 'string' ? e.slug : '';
  c.add({ line, url: e.url, title: e.title, savedAt: isoTime(e.savedAt), tags: labels(e.labels), status, content: slug ? content(slug) : undefined });
}
