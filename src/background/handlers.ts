import browser from 'webextension-polyfill';
import type { MessageName, Req, Res } from '../shared/protocol.ts';
import { SiftError } from '../shared/errors.ts';
import { extractTab } from './extract-tab.ts';
import { saveArticle } from './save.ts';
import { getStore } from './store.ts';
import { importLibrary } from './import.ts';

type Handlers = { [N in MessageName]: (req: Req<N>) => Promise<Res<N>> };

function ids(v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new SiftError('bad-request', 'ids must be strings');
  return v;
}

/** One handler per message; privilege has been checked before any of these run. */
export const handlers: Handlers = {
  'page.extract': ({ tabId, force }) => extractTab(tabId, { force, uiLang: browser.i18n.getUILanguage() }),
  'clipping.save': ({ id, article, entities }) => saveArticle(id, article, entities),
  'clipping.update': async ({ id, tags, note }) => {
    const patch: { tags?: string[]; note?: string } = {};
    if (tags !== undefined) patch.tags = tags.filter((t) => typeof t === 'string').map((t) => t.trim()).filter(Boolean);
    if (note !== undefined) patch.note = String(note);
    await getStore().update(id, patch);
    return { ok: true };
  },
  'clipping.delete': async (req) => ({ deleted: await getStore().delete(ids(req.ids)) }),
  'clipping.restore': async ({ clippings }) => {
    await getStore().putMany(clippings);
    return { restored: clippings.length };
  },
  'library.import': ({ json }) => importLibrary(getStore(), json),
  'library.clear': async () => ({ deleted: await getStore().clear() }),
};
