import browser from 'webextension-polyfill';
import type { MessageName, Req, Res } from '../shared/protocol.ts';
import { SiftError } from '../shared/errors.ts';
import { normalizeTags, migrateClipping, type Clipping } from '../core/clipping.ts';
import { clippingProblem } from '../core/export/library-json.ts';
import { quotaSafe } from '../platform/store/quota.ts';
import { entitiesTab, extractTab } from './extract-tab.ts';
import type { ExtractOutcome } from '../core/types.ts';
import { keepArticle, startReading, takeArticle } from './last-read.ts';
import { saveArticle } from './save.ts';
import { getStore, notifyChanged } from './store.ts';
import { importLibrary } from './import.ts';
import { addAnnotation, deleteAnnotation, findByUrl, updateAnnotation } from './annotations.ts';
import { captureHandlers } from './capture/handlers.ts';
import { validateSyncConfig } from '../core/sync/settings.ts';

type Handlers = { [N in MessageName]: (req: Req<N>) => Promise<Res<N>> };

function ids(v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new SiftError('bad-request', 'ids must be strings');
  return v;
}

/** Undo puts back what a delete returned; still validated, as anything a page sends. */
function validClippings(v: unknown): Clipping[] {
  if (!Array.isArray(v)) throw new SiftError('bad-request', 'clippings must be an array');
  return v.map((raw, i) => {
    const c = migrateClipping(raw as Clipping);
    const problem = clippingProblem(c);
    if (problem) throw new SiftError('bad-request', `clipping ${i}: ${problem}`);
    return c;
  });
}

/** Run a write, then tell open library pages. */
async function write<T>(fn: () => Promise<T>): Promise<T> {
  const out = await quotaSafe(fn);
  notifyChanged();
  return out;
}

/** Read the tab for the popup; with `entitiesLater`, its article is kept for page.entities (last-read.ts). */
async function readPage(tabId: number, force?: boolean, entitiesLater?: boolean): Promise<ExtractOutcome> {
  const reading = startReading(tabId);
  const out = await extractTab(tabId, { force, uiLang: browser.i18n.getUILanguage(), entities: entitiesLater ? 'later' : 'now' });
  if (entitiesLater && out.ok && out.article) keepArticle(tabId, reading, out.article);
  return out;
}

/** One handler per message; privilege has been checked before any of these run. */
export const handlers: Handlers = {
  'page.extract': ({ tabId, force, entitiesLater }) => readPage(tabId, force, entitiesLater),
  'page.entities': ({ tabId }) => entitiesTab(tabId, { uiLang: browser.i18n.getUILanguage() }, takeArticle(tabId) ?? undefined),
  'clipping.save': ({ id, article, entities }) => saveArticle(id, article, entities),
  'clipping.update': async ({ id, tags, note }) => {
    if (typeof id !== 'string') throw new SiftError('bad-request', 'id must be a string');
    const patch: { tags?: string[]; note?: string } = {};
    if (tags !== undefined) patch.tags = normalizeTags(Array.isArray(tags) ? tags : []);
    if (note !== undefined) patch.note = String(note).slice(0, 100_000);
    await write(() => getStore().update(id, patch));
    return { ok: true };
  },
  'clipping.delete': async (req) => ({ deleted: await write(() => getStore().delete(ids(req.ids))) }),
  'clipping.restore': async ({ clippings }) => {
    const valid = validClippings(clippings);
    await write(() => getStore().putMany(valid));
    return { restored: valid.length };
  },
  'library.import': ({ json }) => write(() => importLibrary(getStore(), json)),
  'library.clear': async () => ({ deleted: await write(() => getStore().clear()) }),
  'annotation.add': (req) => addAnnotation(req),
  'annotation.update': (req) => updateAnnotation(req),
  'annotation.delete': (req) => deleteAnnotation(req),
  'clipping.findByUrl': (req) => findByUrl(req),
  ...captureHandlers,
  // Sync's engine (with PouchDB) is loaded only when one of these is called or sync is on.
  'sync.configure': async ({ config }) => (await import('./sync/service.ts')).configure(validateSyncConfig(config)),
  'sync.test': async ({ config }) => (await import('./sync/service.ts')).checkConnection(validateSyncConfig(config)),
  'sync.now': async () => (await import('./sync/service.ts')).runSync('now'),
};
