import { makeClipping } from '../core/clipping.ts';
import type { Article, Entity } from '../core/types.ts';
import type { SaveResult } from '../shared/protocol.ts';
import { SiftError } from '../shared/errors.ts';
import { getStore } from './store.ts';

function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: string; inner?: { name?: string } })?.name ?? '';
  const inner = (err as { inner?: { name?: string } })?.inner?.name ?? '';
  return /QuotaExceeded/i.test(name) || /QuotaExceeded/i.test(inner) || /quota/i.test(String((err as Error)?.message));
}

/** Save one article under a caller-made id; quota errors become a clear, typed error. */
export async function saveArticle(id: string, article: Article, entities: Entity[]): Promise<SaveResult> {
  if (typeof id !== 'string' || !/^[\w-]{8,64}$/.test(id)) throw new SiftError('bad-request', 'Invalid clipping id.');
  if (!article || typeof article.title !== 'string' || typeof article.html !== 'string') {
    throw new SiftError('bad-request', 'Invalid article.');
  }
  try {
    return await getStore().save(makeClipping(id, article, Array.isArray(entities) ? entities : []));
  } catch (err) {
    if (isQuotaError(err)) {
      throw new SiftError('quota', 'The disk is full or the browser refused more storage. Export your library, then free some space.');
    }
    throw err;
  }
}
