import type { FetchPolicy } from '../url-policy.ts';
import { Collector, isoTime } from './collect.ts';
import { tokens } from './html-tokens.ts';
import type { ReadingList, ReadingStatus } from './types.ts';

// Pocket's older HTML export: <h1>Unread</h1><ul><li><a href time_added tags>title</a></li>...
// then <h1>Read Archive</h1><ul>...; tags comma-separated, time_added in Unix seconds.
// Netscape bookmark files (every browser's "Export bookmarks"): <DT><H3>folder</H3><DL><p>
// nests a folder; <DT><A HREF ADD_DATE [TAGS]>title</A> is a bookmark.

export function isPocketHtml(head: string): boolean {
  return /<title>\s*Pocket Export\s*<\/title>/i.test(head);
}

export function isBookmarksHtml(head: string): boolean {
  return /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i.test(head) || (/<dl\b/i.test(head) && /<dt\b/i.test(head) && /<h1\b[^>]*>\s*Bookmarks/i.test(head));
}

/** Read <a> elements: their attributes and their text up to </a>. */
function* anchors(html: string, onHeading: (level: 'h1' | 'h3' | 'close-dl' | 'open-dl', text: string) => void) {
  let open: { attrs: Record<string, string>; line: number; text: string } | null = null;
  let heading: { name: 'h1' | 'h3'; text: string } | null = null;
  for (const t of tokens(html)) {
    if (t.kind === 'open' && t.name === 'a') {
      if (open) yield open;
      open = { attrs: t.attrs, line: t.line, text: '' };
    } else if (t.kind === 'close' && t.name === 'a') {
      if (open) yield open;
      open = null;
    } else if (t.kind === 'text') {
      if (open) open.text += t.text;
      else if (heading) heading.text += t.text;
    } else if (t.kind === 'open' && (t.name === 'h1' || t.name === 'h3')) {
      if (open) yield open;
      open = null;
      heading = { name: t.name, text: '' };
    } else if (t.kind === 'close' && heading && t.name === heading.name) {
      onHeading(heading.name, heading.text.trim());
      heading = null;
    } else if (t.name === 'dl') {
      if (open) yield open;
      open = null;
      onHeading(t.kind === 'open' ? 'open-dl' : 'close-dl', '');
    }
  }
  if (open) yield open;
}

export function parsePocketHtml(html: string, policy: FetchPolicy): ReadingList {
  const c = new Collector('pocket-html', policy);
  let status: ReadingStatus = 'unread';
  const gen = anchors(html, (level, text) => {
    if (level === 'h1') status = /archive|read\b/i.test(text) && !/unread/i.test(text) ? 'archived' : 'unread';
  });
  for (const a of gen) {
    c.add({ line: a.line, url: a.attrs.href ?? '', title: a.text, savedAt: isoTime(a.attrs.time_added), tags: (a.attrs.tags ?? '').split(','), status });
  }
  return c.done();
}

/**
 * A bookmarks file; `folder` keeps only bookmarks inside the folder of that name (at any depth,
 * subfolders included), null keeps all. Folder names are kept on each item.
 */
export function parseBookmarksHtml(html: string, policy: FetchPolicy, folder: string | null = null): ReadingList {
  const c = new Collector('bookmarks-html', policy);
  const path: string[] = [];
  let pending: string | null = null;
  const gen = anchors(html, (level, text) => {
    if (level === 'h3') pending = text;
    else if (level === 'open-dl') {
      if (pending !== null) path.push(pending);
      else path.push('');
      pending = null;
    } else if (level === 'close-dl') path.pop();
  });
  for (const a of gen) {
    const where = path.filter((p) => p);
    if (folder !== null && !where.includes(folder)) continue;
    // Bookmarklets and feeds' place: URIs are refused by the address check, with their reason.
    c.add({ line: a.line, url: a.attrs.href ?? '', title: a.text, savedAt: isoTime(a.attrs.add_date), tags: (a.attrs.tags ?? '').split(','), status: null, folder: where });
  }
  return c.done();
}
