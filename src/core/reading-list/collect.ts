import { normalizeTags } from '../clipping.ts';
import type { FetchPolicy } from '../url-policy.ts';
import type { ReadingItem, ReadingList, ReadingListFormat, ReadingStatus } from './types.ts';
import { checkItemUrl, sameItemKey } from './url-check.ts';

/** More than anyone's reading list (Pocket's largest exports are tens of thousands): the rest is refused, line by line. */
export const MAX_ITEMS = 100_000;
const MAX_TITLE = 1000;

export interface RawItem {
  line: number;
  url: unknown;
  title?: unknown;
  savedAt?: string | null;
  tags?: unknown[];
  status?: ReadingStatus;
  content?: string;
  folder?: string[];
}

/**
 * Gathers one export's items: every address checked (checkItemUrl), the second and later lines
 * of one page refused as duplicates naming the first, tags normalised, titles trimmed.
 */
export class Collector {
  private readonly out: ReadingList;
  private readonly seen = new Map<string, number>();
  constructor(format: ReadingListFormat, private readonly policy: FetchPolicy) {
    this.out = { format, items: [], refused: [] };
  }

  refuse(line: number, reason: string): void {
    this.out.refused.push({ line, reason });
  }

  add(raw: RawItem): void {
    if (typeof raw.url !== 'string') return this.refuse(raw.line, 'No address.');
    const checked = checkItemUrl(raw.url, this.policy);
    if ('reason' in checked) return this.refuse(raw.line, checked.reason);
    const key = sameItemKey(checked.url);
    const first = this.seen.get(key);
    if (first !== undefined) return this.refuse(raw.line, `The same address as line ${first}.`);
    if (this.out.items.length >= MAX_ITEMS) return this.refuse(raw.line, `More than ${MAX_ITEMS} items in one file.`);
    this.seen.set(key, raw.line);
    const item: ReadingItem = {
      url: checked.url,
      title: typeof raw.title === 'string' ? raw.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) : '',
      savedAt: raw.savedAt ?? null,
      tags: normalizeTags(raw.tags ?? []),
      status: raw.status ?? null,
      line: raw.line,
    };
    if (raw.content) item.content = raw.content;
    if (raw.folder) item.folder = raw.folder;
    this.out.items.push(item);
  }

  done(): ReadingList {
    return this.out;
  }
}

/**
 * A time as exports write it -> ISO 8601, or null. Unix time in seconds (Pocket, Instapaper,
 * bookmarks), milliseconds or microseconds (some bookmark tools), or an ISO/RFC date string.
 */
export function isoTime(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  const s = String(v).trim();
  let ms: number;
  if (/^\d+(?:\.\d+)?$/.test(s)) {
    const n = Number(s);
    ms = n > 1e14 ? n / 1000 : n > 1e11 ? n : n * 1000;
  } else ms = Date.parse(s);
  if (!Number.isFinite(ms) || ms <= 0) return null;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999 ? null : d.toISOString();
}
