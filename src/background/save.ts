import { makeClipping } from '../core/clipping.ts';
import type { Article, Entity } from '../core/types.ts';
import type { SaveResult } from '../shared/protocol.ts';
import { SiftError } from '../shared/errors.ts';
import type { ClipStore } from '../platform/store/clip-store.ts';
import { quotaSafe } from '../platform/store/quota.ts';
import { getStore, notifyChanged } from './store.ts';

/**
 * Save one article under a caller-made id. The reply is sent only after the transaction has
 * committed (strict durability), so an acknowledged save survives a killed worker, and a retry
 * with the same id updates instead of duplicating. Quota errors become SiftError('quota').
 */
export async function saveArticle(id: string, article: Article, entities: Entity[], store: ClipStore = getStore()): Promise<SaveResult> {
  if (typeof id !== 'string' || !/^[\w-]{8,64}$/.test(id)) throw new SiftError('bad-request', 'Invalid clipping id.');
  if (!article || typeof article.title !== 'string' || typeof article.html !== 'string' || typeof article.text !== 'string') {
    throw new SiftError('bad-request', 'Invalid article.');
  }
  if (typeof article.url !== 'string' || typeof article.canonicalUrl !== 'string') throw new SiftError('bad-request', 'Invalid article URL.');
  // Page tags are plain strings or nothing: a malformed list is dropped, not stored.
  const { pageTags, ...rest } = article;
  const tags = Array.isArray(pageTags) ? pageTags.filter((x): x is string => typeof x === 'string').slice(0, 30) : [];
  const clean: Article = tags.length ? { ...rest, pageTags: tags } : rest;
  const res = await quotaSafe(() => store.save(makeClipping(id, clean, Array.isArray(entities) ? entities : [])));
  notifyChanged();
  return res;
}
