import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClipping, type Clipping } from '../../src/core/clipping.ts';
import { clipDocId } from '../../src/core/sync/doc.ts';
import { NOTE_MARK } from '../../src/core/sync/merge.ts';
import type { Article } from '../../src/core/types.ts';
import { DexieStore } from '../../src/platform/store/dexie-store.ts';
import { seedOutbox, syncOnce, type SyncContext } from '../../src/background/sync/engine.ts';
import type { PouchCtor, PouchDb } from '../../src/background/sync/pouch-types.ts';
import { openRemote, testConnection } from '../../src/background/sync/remote.ts';
import { NEVER, type SettingsPort } from '../../src/background/sync/settings-sync.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.ts';
import { pickShared, type SharedSettings } from '../../src/core/sync/shared-settings.ts';
// @ts-expect-error -- a plain .mjs script without types
import { startSyncServer } from '../../scripts/sync-server.mjs';

// Two "devices" (each a Dexie library and a PouchDB mirror in memory) and one real
// CouchDB-protocol server over HTTP on 127.0.0.1, running the engine the service worker runs.

const require = createRequire(import.meta.url);
const core = require('pouchdb-core');
if (!core.adapters.memory) core.plugin(require('pouchdb-adapter-memory'));
if (!core.adapters.http) core.plugin(require('pouchdb-adapter-http'));
if (!core.replicate) core.plugin(require('pouchdb-replication'));
const Pouch = core as PouchCtor;

type Server = Awaited<ReturnType<typeof startSyncServer>> & { url: string; db(name: string): PouchDb };
let server: Server;
const USER = 'alice';
const PASSWORD = 'correct horse';

const article = (url: string, text = 'body text'): Article => ({
  title: 'Title ' + url,
  byline: null,
  siteName: null,
  publishedTime: null,
  modifiedTime: null,
  lang: 'en',
  dir: 'ltr',
  url,
  canonicalUrl: url,
  sourceUrl: null,
  leadImage: null,
  excerpt: null,
  wordCount: 2,
  readingMinutes: 1,
  html: `<p>${text}</p>`,
  text,
});

let n = 0;
function device(password = PASSWORD): { store: DexieStore; ctx: SyncContext } {
  const id = `${n++}-${Math.random().toString(36).slice(2)}`;
  const store = new DexieStore(`sync-test-${id}`);
  const config = { enabled: true, url: server.url, database: server.databaseOf(USER), user: USER, password };
  return { store, ctx: { db: store.db, mirror: new Pouch(`mirror-${id}`, { adapter: 'memory' }), remote: openRemote(Pouch, config), noteMark: NOTE_MARK } };
}

beforeAll(async () => {
  server = await startSyncServer({ users: { [USER]: PASSWORD, bob: 'another password' } });
});
afterAll(async () => server.stop());

async function serverDoc(id: string): Promise<Record<string, unknown>> {
  return server.db(server.databaseOf(USER)).get(clipDocId(id), { conflicts: true }) as unknown as Record<string, unknown>;
}

/** A mirror whose methods a test wraps. */
type Hookable = Record<'bulkDocs' | 'changes', (...args: unknown[]) => Promise<unknown>>;

/** Count the documents replication asks the server about (CouchDB's _revs_diff). */
function countRevsDiff(remote: PouchDb): () => number {
  const r = remote as unknown as { revsDiff(diff: Record<string, string[]>): Promise<unknown> };
  const revsDiff = r.revsDiff.bind(r);
  let asked = 0;
  r.revsDiff = (diff) => ((asked += Object.keys(diff).length), revsDiff(diff));
  return () => asked;
}

describe('sync engine against a CouchDB-protocol server', () => {
  it('a save on A appears on B, as clip:<id> on the server', async () => {
    const a = device();
    const b = device();
    const c = makeClipping('sync-aaaa-0001', article('https://example.org/1'), []);
    await a.store.save(c);
    const ra = await syncOnce(a.ctx);
    expect(ra.sent).toBe(1);
    expect((await serverDoc(c.id)).type).toBe('clipping');
    const rb = await syncOnce(b.ctx);
    expect(rb.received).toBe(1);
    expect(await b.store.get(c.id)).toEqual(c);
    // Nothing changed: a second run sends and receives nothing.
    const again = await syncOnce(a.ctx);
    expect([again.sent, again.received]).toEqual([0, 0]);
  });

  it('tags edited on A and the note on B, apart, converge to the merged clipping with no conflicts left', async () => {
    const a = device();
    const b = device();
    const c = makeClipping('sync-aaaa-0002', article('https://example.org/2'), []);
    await a.store.save(c);
    await syncOnce(a.ctx);
    await syncOnce(b.ctx);
    await a.store.update(c.id, { tags: ['from A'] });
    await b.store.update(c.id, { note: 'note from B' });
    await syncOnce(a.ctx);
    const rb = await syncOnce(b.ctx);
    await syncOnce(a.ctx);
    expect(rb.merged).toBeGreaterThanOrEqual(1);
    for (const d of [a, b]) {
      const got = await d.store.get(c.id);
      expect(got?.tags).toEqual(['from A']);
      expect(got?.note).toBe('note from B');
    }
    expect((await serverDoc(c.id))._conflicts).toBeUndefined();
  });

  it('what a pull brought in is not read again by the next push; an edit after it still goes out', async () => {
    const a = device();
    const b = device();
    const ids = Array.from({ length: 32 }, (_, i) => `sync-pulled-${String(i).padStart(4, '0')}`);
    for (const id of ids) await a.store.save(makeClipping(id, article(`https://example.org/pulled/${id}`), []));
    await syncOnce(a.ctx);
    // (The server holds the earlier cases' clippings too: one database per user.)
    expect((await syncOnce(b.ctx)).received).toBeGreaterThanOrEqual(32);
    // Before, B's next push read all 32 from its changes feed and asked the server about each
    // (CouchDB's _revs_diff): counted here on the remote's own method, which replication calls.
    const asked = countRevsDiff(b.ctx.remote);
    const push = await b.ctx.mirror.replicate.to(b.ctx.remote);
    expect([asked(), push.docs_written]).toEqual([0, 0]);
    await b.store.update(ids[7]!, { note: 'edited on B after the first sync' });
    expect((await syncOnce(b.ctx)).sent).toBe(1);
    await syncOnce(a.ctx);
    expect((await a.store.get(ids[7]!))?.note).toBe('edited on B after the first sync');
  });

  it('writes made while a pull is under way are not skipped by the push checkpoint', async () => {
    const a = device();
    const b = device();
    const old = makeClipping('sync-during-0000', article('https://example.org/during/0'), []);
    await b.store.save(old);
    await syncOnce(b.ctx);
    const ids = Array.from({ length: 20 }, (_, i) => `sync-during-${String(i + 1).padStart(4, '0')}`);
    for (const id of ids) await a.store.save(makeClipping(id, article(`https://example.org/during/${id}`), []));
    await syncOnce(a.ctx);
    // In the middle of B's pull: an edit in B's library, and a document written to the mirror by
    // something other than the pull (nothing does today; the checkpoint must not rely on that).
    const mirror = b.ctx.mirror as unknown as Hookable;
    const bulkDocs = mirror.bulkDocs.bind(mirror);
    let hooked = false;
    mirror.bulkDocs = async (...args: unknown[]) => {
      const res = await bulkDocs(...args);
      const replicated = (args[0] as { new_edits?: boolean })?.new_edits === false;
      if (replicated && !hooked) {
        hooked = true;
        await b.store.update(old.id, { note: 'written on B during the pull' });
        await bulkDocs([{ _id: 'other-writer:1', note: 'written to the mirror during the pull' }]);
      }
      return res;
    };
    await syncOnce(b.ctx);
    mirror.bulkDocs = bulkDocs;
    expect(hooked).toBe(true);
    await syncOnce(b.ctx);
    await syncOnce(a.ctx);
    expect((await a.store.get(old.id))?.note).toBe('written on B during the pull');
    const remote = server.db(server.databaseOf(USER));
    expect((await remote.get('other-writer:1')).note).toBe('written to the mirror during the pull');
  });

  it('runs on one mirror never overlap: a second run waits for the first', async () => {
    const a = device();
    const b = device();
    for (let i = 0; i < 5; i++) await a.store.save(makeClipping(`sync-overlap-${i}`, article(`https://example.org/overlap/${i}`), []));
    await syncOnce(a.ctx);
    // Hold B's first pull write; count what touches B's mirror meanwhile.
    const mirror = b.ctx.mirror as unknown as Hookable;
    const bulkDocs = mirror.bulkDocs.bind(mirror);
    const changes = mirror.changes.bind(mirror);
    let holding = false;
    let touched = 0;
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    mirror.changes = (...args: unknown[]) => {
      if (holding) touched++;
      return changes(...args);
    };
    mirror.bulkDocs = async (...args: unknown[]) => {
      if ((args[0] as { new_edits?: boolean })?.new_edits === false && !holding) {
        holding = true;
        await held;
      }
      return bulkDocs(...args);
    };
    const first = syncOnce(b.ctx);
    let second: ReturnType<typeof syncOnce> | undefined;
    try {
      await expect.poll(() => holding, { timeout: 30_000 }).toBe(true);
      second = syncOnce(b.ctx);
      await new Promise((ok) => setTimeout(ok, 300));
      expect(touched).toBe(0);
    } finally {
      holding = false;
      release();
    }
    const [r1, r2] = await Promise.all([first, second!]);
    expect(r1.received).toBeGreaterThanOrEqual(5);
    expect(r2.received).toBe(0);
  });

  it('a run compacts the documents it replaced; a clipping with a change not yet sent keeps its merge base', async () => {
    const a = device();
    const c = makeClipping('sync-compact-01', article('https://example.org/compact'), []);
    const d = makeClipping('sync-compact-02', article('https://example.org/compact2'), []);
    await a.store.save(c);
    await a.store.save(d);
    await syncOnce(a.ctx);
    const first = async (id: string) => (await a.ctx.db.syncRevs.get(id))!.rev;
    const [c1, d1] = [await first(c.id), await first(d.id)];
    await a.store.update(c.id, { tags: ['edited'] });
    const report = await syncOnce(a.ctx);
    expect(report.stale.has(clipDocId(c.id))).toBe(true);
    expect(report.stale.has(clipDocId(d.id))).toBe(false);
    // The old revision's body is gone; the other clipping's only revision is untouched.
    await expect(a.ctx.mirror.get(clipDocId(c.id), { rev: c1 })).rejects.toBeTruthy();
    expect((await a.ctx.mirror.get(clipDocId(d.id), { rev: d1 }))._id).toBe(clipDocId(d.id));
  });

  it('the same note edited on both keeps both, marked; a delete on B is gone on A', async () => {
    const a = device();
    const b = device();
    const c = makeClipping('sync-aaaa-0003', article('https://example.org/3'), []);
    await a.store.save(c);
    await syncOnce(a.ctx);
    await syncOnce(b.ctx);
    await a.store.update(c.id, { note: 'A says' });
    await b.store.update(c.id, { note: 'B says' });
    await syncOnce(a.ctx);
    await syncOnce(b.ctx);
    await syncOnce(a.ctx);
    const na = (await a.store.get(c.id))!.note;
    expect(na).toContain('A says');
    expect(na).toContain('B says');
    expect(na).toContain(NOTE_MARK);
    expect((await b.store.get(c.id))!.note).toBe(na);
    await b.store.delete([c.id]);
    await syncOnce(b.ctx);
    await syncOnce(a.ctx);
    expect(await a.store.get(c.id)).toBeUndefined();
    expect(((await server.db(server.databaseOf(USER)).allDocs({ keys: [clipDocId(c.id)] })).rows[0] as { value?: { deleted?: boolean } }).value?.deleted).toBe(true);
  });

  it('an edit on A beats a delete on B made at the same time', async () => {
    const a = device();
    const b = device();
    const c = makeClipping('sync-aaaa-0004', article('https://example.org/4'), []);
    await a.store.save(c);
    await syncOnce(a.ctx);
    await syncOnce(b.ctx);
    await a.store.update(c.id, { note: 'still wanted' });
    await b.store.delete([c.id]);
    await syncOnce(b.ctx);
    await syncOnce(a.ctx);
    await syncOnce(b.ctx);
    expect((await a.store.get(c.id))?.note).toBe('still wanted');
    expect((await b.store.get(c.id))?.note).toBe('still wanted');
  });

  it('a library that existed before sync goes up whole; documents of the wrong shape are refused and reported, the rest syncs', async () => {
    const a = device();
    const b = device();
    const many: Clipping[] = Array.from({ length: 30 }, (_, i) => makeClipping(`sync-bulk-${String(i).padStart(4, '0')}`, article(`https://example.org/bulk/${i}`), []));
    await a.store.putMany(many);
    await a.ctx.db.outbox.clear(); // as if saved before sync existed
    expect(await seedOutbox(a.ctx.db)).toBe(30);
    await syncOnce(a.ctx);
    const remote = server.db(server.databaseOf(USER));
    await remote.put({ _id: 'clip:evil-0000-0001', type: 'clipping', clipping: { id: 'evil-0000-0001', title: '<script>alert(1)</script>' }, meta: {} });
    await remote.put({ _id: 'clip:evil-0000-0002', type: 'clipping', clipping: 'not an object', meta: null });
    const rb = await syncOnce(b.ctx);
    expect(rb.refused.map((r) => r.id).sort()).toEqual(['clip:evil-0000-0001', 'clip:evil-0000-0002']);
    expect(await b.store.count()).toBeGreaterThanOrEqual(30);
    expect(await b.store.get('evil-0000-0001')).toBeUndefined();
    for (const c of many) expect((await b.store.get(c.id))?.title).toBe(c.title);
  });

  it('the theme, highlight types and colour labels travel; the later change wins; no conflict is left', async () => {
    const port = (): SettingsPort & { values: SharedSettings; at: string } => {
      const p = {
        values: pickShared(structuredClone(DEFAULT_SETTINGS)),
        at: NEVER,
        async read() {
          return { values: structuredClone(p.values), at: p.at };
        },
        async write(values: SharedSettings, at: string) {
          p.values = structuredClone(values);
          p.at = at;
        },
      };
      return p;
    };
    const a = device();
    const b = device();
    a.ctx.settings = port();
    b.ctx.settings = port();
    const pa = a.ctx.settings as ReturnType<typeof port>;
    const pb = b.ctx.settings as ReturnType<typeof port>;
    pa.values = { ...pa.values, theme: 'dark', entityTypes: { person: true, place: false, organization: true, topic: true } };
    pa.values.highlightLabels = { ...pa.values.highlightLabels, yellow: 'important', pink: '问题' };
    pa.at = '2026-03-01T00:00:00.000Z';
    await syncOnce(a.ctx);
    await syncOnce(b.ctx);
    expect(pb.values).toEqual(pa.values);
    // Both change apart: the later change wins on both.
    pa.values = { ...pa.values, theme: 'sepia' };
    pa.at = '2026-03-02T00:00:00.000Z';
    pb.values = { ...pb.values, theme: 'light' };
    pb.at = '2026-03-03T00:00:00.000Z';
    await syncOnce(a.ctx);
    await syncOnce(b.ctx);
    await syncOnce(a.ctx);
    expect(pa.values.theme).toBe('light');
    expect(pb.values.theme).toBe('light');
    expect((await server.db(server.databaseOf(USER)).get('settings:shared', { conflicts: true }))._conflicts).toBeUndefined();
  });

  it('explains connection failures: wrong password, missing database, another user\'s database, unreachable, TLS, not CouchDB', async () => {
    const ok = { enabled: true, url: server.url, database: server.databaseOf(USER), user: USER, password: PASSWORD };
    const yes = async () => true;
    expect(await testConnection(ok, yes)).toMatchObject({ ok: true });
    expect(await testConnection({ ...ok, password: 'wrong' }, yes)).toEqual({ ok: false, problem: 'wrong-password', status: 401 });
    expect(await testConnection({ ...ok, database: 'nothing-here' }, yes)).toEqual({ ok: false, problem: 'no-database', status: 404 });
    expect(await testConnection(ok, async () => false)).toEqual({ ok: false, problem: 'permission' });
    expect(await testConnection({ ...ok, url: 'http://127.0.0.1:9' }, yes)).toEqual({ ok: false, problem: 'unreachable' });
    // Another user's database: may not open it.
    expect(await testConnection({ ...ok, database: server.databaseOf('bob') }, yes)).toEqual({ ok: false, problem: 'forbidden', status: 403 });
    // A web server that is not CouchDB, and the same server asked for over TLS it does not speak.
    const web = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>It works</h1>'));
    await new Promise<void>((ok) => web.listen(0, '127.0.0.1', ok));
    const port = (web.address() as AddressInfo).port;
    try {
      expect(await testConnection({ ...ok, url: `http://127.0.0.1:${port}` }, yes)).toEqual({ ok: false, problem: 'not-couchdb', status: 200 });
      expect(await testConnection({ ...ok, url: `https://127.0.0.1:${port}` }, yes)).toEqual({ ok: false, problem: 'unreachable-or-tls' });
    } finally {
      web.close();
    }
    const a = device('wrong');
    await a.store.save(makeClipping('sync-aaaa-0005', article('https://example.org/5'), []));
    await expect(syncOnce(a.ctx)).rejects.toMatchObject({ status: 401 });
    // Nothing lost: the clipping is still here, and goes up once the password is right.
    expect(await a.store.count()).toBe(1);
    a.ctx.remote = openRemote(Pouch, { ...ok });
    expect((await syncOnce(a.ctx)).sent).toBe(1);
    expect((await serverDoc('sync-aaaa-0005')).type).toBe('clipping');
  });
});
