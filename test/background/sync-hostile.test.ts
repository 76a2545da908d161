import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClipping } from '../../src/core/clipping.ts';
import { toDoc } from '../../src/core/sync/doc.ts';
import { nextRecord, NOTE_MARK } from '../../src/core/sync/merge.ts';
import type { Article } from '../../src/core/types.ts';
import { DexieStore } from '../../src/platform/store/dexie-store.ts';
import { syncOnce, type SyncContext } from '../../src/background/sync/engine.ts';
import { MAX_LEAVES } from '../../src/background/sync/apply.ts';
import { cappedFetch, ResponseTooLarge, type Caps } from '../../src/background/sync/capped-fetch.ts';
import { readCapped } from '../../src/background/read-capped.ts';
import type { PouchCtor, PouchDb } from '../../src/background/sync/pouch-types.ts';
import { authFetch, databaseUrl, problemOfError } from '../../src/background/sync/remote.ts';
// @ts-expect-error -- a plain .mjs script without types
import { startSyncServer } from '../../scripts/sync-server.mjs';

// A server that answers with hostile documents, over real HTTP (scripts/sync-server.mjs): too
// large ones are cut off before they are parsed and stand in the mirror as refused stubs; wrong
// shapes are refused; a revision tree with hundreds of leaves is merged down to no conflicts;
// everything else syncs. Small caps here stand for the real 32/17 MB (the e2e sends 100 MB).

const require = createRequire(import.meta.url);
const core = require('pouchdb-core');
if (!core.adapters.memory) core.plugin(require('pouchdb-adapter-memory'));
if (!core.adapters.http) core.plugin(require('pouchdb-adapter-http'));
if (!core.replicate) core.plugin(require('pouchdb-replication'));
const Pouch = core as PouchCtor;

type Server = Awaited<ReturnType<typeof startSyncServer>> & { url: string; db(name: string): PouchDb & { bulkDocs(d: object[], o?: object): Promise<unknown> } };
let server: Server;
const USER = 'mallory-victim';
const PASSWORD = 'pw';
const CAPS: Caps = { response: 256 * 1024, doc: 96 * 1024 };

const article = (url: string, text = 'body text', title = 'Title ' + url): Article => ({
  title, byline: null, siteName: null, publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr', url, canonicalUrl: url,
  sourceUrl: null, leadImage: null, excerpt: null, wordCount: 2, readingMinutes: 1, html: `<p>${text}</p>`, text,
});

function device(): { store: DexieStore; ctx: SyncContext; requests: string[] } {
  const id = Math.random().toString(36).slice(2);
  const store = new DexieStore(`sync-hostile-${id}`);
  const config = { enabled: true, url: server.url, database: server.databaseOf(USER), user: USER, password: PASSWORD };
  const requests: string[] = [];
  const counted: typeof fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return authFetch(config)(input, init);
  };
  const remote = new Pouch(databaseUrl(config), { adapter: 'http', skip_setup: true, fetch: cappedFetch(counted, CAPS) });
  return { store, requests, ctx: { db: store.db, mirror: new Pouch(`mirror-hostile-${id}`, { adapter: 'memory' }), remote, noteMark: NOTE_MARK } };
}

const plant = (id: string, text: string, title?: string) => {
  const c = makeClipping(id, article(`https://example.org/${id}`, text, title), []);
  return { clipping: c, doc: toDoc(nextRecord(c, undefined)) };
};

beforeAll(async () => {
  server = await startSyncServer({ users: { [USER]: PASSWORD } });
});
afterAll(async () => server.stop());

describe('capped fetch', () => {
  it('reads a body up to the cap and no further, whatever its declared length', async () => {
    const body = new Uint8Array(1000).fill(65);
    expect((await readCapped(new Response(body), 1000))?.byteLength).toBe(1000);
    expect(await readCapped(new Response(body), 999)).toBeNull();
    // A declared length over the cap: refused before a byte is read.
    let pulled = 0;
    const stream = new ReadableStream({ pull(c) { pulled++; c.enqueue(body); } });
    expect(await readCapped(new Response(stream, { headers: { 'content-length': String(10 ** 9) } }), 4096)).toBeNull();
    expect(pulled).toBeLessThanOrEqual(1);
    // An endless body without a length: stopped at the cap.
    const endless = new ReadableStream({ pull(c) { c.enqueue(body); } });
    expect(await readCapped(new Response(endless), 64 * 1024)).toBeNull();
  });

  it('a too large answer other than a batch of documents fails with its own reason', async () => {
    const big = (async () => new Response('x'.repeat(5000))) as unknown as typeof fetch;
    const err = await cappedFetch(big, { response: 1000, doc: 500 })('http://127.0.0.1/db/_changes').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseTooLarge);
    expect(problemOfError(err)).toBe('too-large');
  });
});

describe('a server with hostile documents', () => {
  it('too large and wrong-shaped documents are refused and reported; the rest syncs, in the same run; later runs do not fetch them again', async () => {
    const remote = server.db(server.databaseOf(USER));
    const good = Array.from({ length: 40 }, (_, i) => plant(`good-${String(i).padStart(3, '0')}`, `ordinary text ${i}`));
    const scripted = plant('script-title', 'text', '<script>alert(1)</script><img src=x onerror=alert(2)>');
    const huge = plant('huge-0001', 'x'.repeat(300 * 1024));
    await remote.bulkDocs([
      ...good.map((g) => g.doc),
      scripted.doc,
      huge.doc,
      { _id: 'clip:wrong-shape', type: 'clipping', clipping: { id: 'wrong-shape', title: 42 }, meta: {} },
      { ...toDoc(nextRecord(good[0]!.clipping, undefined)), _id: 'clip:not-mine' },
    ]);
    const b = device();
    const report = await syncOnce(b.ctx);
    const refused = Object.fromEntries(report.refused.map((r) => [r.id, r.reason]));
    expect(refused['clip:huge-0001']).toMatch(/too large/);
    expect(Object.keys(refused).sort()).toEqual(['clip:huge-0001', 'clip:not-mine', 'clip:wrong-shape']);
    for (const g of good) expect((await b.store.get(g.clipping.id))?.text).toBe(g.clipping.text);
    // Markup in a title is kept as text (the pages show it with textContent).
    expect((await b.store.get('script-title'))?.title).toBe(scripted.clipping.title);
    expect(await b.store.get('huge-0001')).toBeUndefined();
    // The stand-in carries the revision: the next run does not ask for the document again.
    const before = b.requests.length;
    const again = await syncOnce(b.ctx);
    expect(again.refused.map((r) => r.id)).not.toContain('clip:huge-0001');
    expect(b.requests.slice(before).some((r) => r.includes('_bulk_get'))).toBe(false);
    // Saved again on this device: the clipping replaces the refused document on the server.
    await b.store.save(makeClipping('huge-0001', article('https://example.org/huge-0001', 'small now'), []));
    await syncOnce(b.ctx);
    const now = (await remote.get('clip:huge-0001')) as unknown as { clipping: { text: string } };
    expect(now.clipping.text).toBe('small now');
  });

  it('a document with hundreds of conflicting leaves on a deep history is merged down to none', async () => {
    const remote = server.db(server.databaseOf(USER));
    const { doc } = plant('tree-0001', 'the trunk');
    const trunk = Array.from({ length: 300 }, (_, i) => `${i.toString(16).padStart(8, '0')}trunk`);
    const LEAVES = 60;
    await remote.bulkDocs(
      Array.from({ length: LEAVES }, (_, k) => {
        const leaf = `${k.toString(16).padStart(8, '0')}leaf`;
        const clipping = { ...doc.clipping, tags: [`leaf ${k}`], note: `note ${k}` };
        return { ...doc, clipping, _rev: `301-${leaf}`, _revisions: { start: 301, ids: [leaf, ...trunk] } };
      }),
      { new_edits: false },
    );
    const b = device();
    const report = await syncOnce(b.ctx);
    expect(report.refused.find((r) => r.id === 'clip:tree-0001')?.reason).toMatch(new RegExp(`${LEAVES} conflicting revisions`));
    const got = await b.store.get('tree-0001');
    expect(got?.tags.length).toBe(MAX_LEAVES);
    const onServer = await remote.get('clip:tree-0001', { conflicts: true });
    expect(onServer._conflicts).toBeUndefined();
  }, 120_000);
});
