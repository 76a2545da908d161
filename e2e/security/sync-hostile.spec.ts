import { expect, test } from '@playwright/test';
import { PageServer } from '../support/server.ts';
import { Recorder } from '../support/recorder.ts';
import { Sift } from '../support/sift.ts';
import { clipping, makeSyncDist, turnSyncOn } from '../support/sync.ts';
import { JS, JSQ, T } from './hostile-corpus.ts';
import { Monitor } from './monitor.ts';
// @ts-expect-error -- a plain .mjs script without types
import { startSyncServer } from '../../scripts/sync-server.mjs';

// A sync server that answers with hostile documents, written straight into the user's database
// on the real test server (scripts/sync-server.mjs): markup and scripts in a clipping's title,
// text, tags, note and highlights; a 100 MB document; documents of the wrong shape; a document
// with a deep revision tree and forty conflicting leaves. A profile turns sync on: the wrong
// shapes and the giant are refused and listed in Options -> Sync, the rest arrives, and the
// received clipping opened in the library, its reader and the toolbar popup runs nothing, loads
// nothing and goes nowhere.

interface ServerDb {
  bulkDocs(docs: object[], opts?: object): Promise<unknown>;
  get(id: string, opts?: object): Promise<Record<string, unknown>>;
}
interface SyncServer {
  url: string;
  databaseOf(user: string): string;
  db(name: string): ServerDb;
  stop(): Promise<void>;
}

const USER = 'alice';
const PASSWORD = 'secret';
const at = '2026-02-01T00:00:00.000Z';
const meta = { noteFrom: [], noteAt: at, articleAt: at, goneAnnotations: {} };
const doc = (c: Record<string, unknown>) => ({ _id: `clip:${c.id as string}`, type: 'clipping', clipping: c, meta });
/** The page whose popup shows the hostile clipping's highlights (its canonical address). */
const ARTICLE_CANONICAL = 'https://www.space.com/jupiter-moon-europa-water-vapor-confirmed.html';

function hostileClipping(pageOrigin: string): Record<string, unknown> {
  const paras = [
    `Europa plain words about water vapour and the moon, quiet and long enough to highlight.`,
    `The payload <img src=x onerror="${JS('sy01a')}"> is written here as text, as an article may quote it.`,
  ];
  const text = paras.join('\n');
  const html = [
    `<p>${paras[0]}</p>`,
    `<p>Inline <img src=x onerror="${JS('sy02a')}"> and <svg onload="${JS('sy02b')}"></svg></p>`,
    `<script>${JS('sy02c')}</script><iframe src="javascript:${JSQ('sy02d')}"></iframe>`,
    `<a href="javascript:${JSQ('sy02e')}">link</a><a href="${T('sy02f')}" target="_blank">out</a>`,
    `<meta http-equiv="refresh" content="0;url=${T('sy02g')}"><base href="${T('sy02h')}/">`,
    // An ordinary article image (content: it may load) beside ones that must not.
    `<img src="${pageOrigin}/img/ok.png" alt="ok"><img srcset="${T('sy02j')} 2x"><div style="background:url(${T('sy02k')})">styled</div>`,
    `<picture><source srcset="${T('sy02i')}"></picture><link rel="stylesheet" href="${T('sy02n')}"><video poster="${T('sy02o')}"></video>`,
    `<form action="${T('sy02l')}"><button>send</button></form><object data="${T('sy02m')}"></object>`,
  ].join('');
  const note = (id: string) => `<script>${JS(id)}</script><img src=x onerror="${JS(id + 'b')}">`;
  const annotations = paras.map((p, i) => {
    const start = text.indexOf(p) + 2;
    const end = start + 40;
    return {
      id: `urn:uuid:00000000-0000-4000-8000-0000000000a${i}`,
      type: 'Annotation', created: at, modified: at, motivation: 'commenting',
      body: { type: 'TextualBody', value: note(`sy03${i}`) },
      target: { selector: [
        { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        { type: 'TextPositionSelector', start, end },
      ] },
      color: 'pink',
    };
  });
  return {
    ...clipping('hostile-sync-0001', 0, text),
    schema: 2,
    title: `Hostile <script>${JS('sy04a')}</script><img src=x onerror="${JS('sy04b')}">`,
    byline: `<img src=x onerror="${JS('sy04c')}">`,
    siteName: `<svg onload="${JS('sy04d')}">`,
    url: ARTICLE_CANONICAL,
    canonicalUrl: ARTICLE_CANONICAL,
    leadImage: { src: `${pageOrigin}/img/lead.png`, alt: `<img src=x onerror="${JS('sy04i')}">`, caption: `<script>${JS('sy04j')}</script>` },
    excerpt: `<img src=x onerror="${JS('sy04f')}">`,
    html,
    tags: [`<img src=x onerror="${JS('sy04g')}">`, 'javascript:alert(1)'],
    note: note('sy04h'),
    annotations,
  };
}

test('a server answering with hostile documents: wrong shapes and a 100 MB document refused and listed, the rest syncs, nothing runs', async () => {
  test.setTimeout(300_000);
  const server = (await startSyncServer({ users: { [USER]: PASSWORD } })) as SyncServer;
  const pages = await new PageServer().start();
  const recorder = await new Recorder().start();
  const b = await Sift.launch({ dist: makeSyncDist(), args: recorder.chromiumArgs() });
  // The article page's own image (its content, shown by the popup's reader) is allowed.
  const monitor = new Monitor(pages.origin, (url) => url.startsWith('https://cdn.mos.cms.futurecdn.net/'));
  await monitor.watchContext(b.context);
  const remote = server.db(server.databaseOf(USER));
  try {
    const good = Array.from({ length: 30 }, (_, i) => clipping(`good-sync-${String(i).padStart(4, '0')}`, i + 1));
    const trunk = Array.from({ length: 700 }, (_, i) => `${i.toString(16).padStart(8, '0')}trunk`);
    const tree = clipping('tree-sync-0001', 99);
    await remote.bulkDocs([
      ...good.map(doc),
      doc(hostileClipping(pages.origin)),
      // 100 MB of text in an otherwise right clipping.
      doc({ ...clipping('huge-sync-0001', 98, 'x'.repeat(100 * 2 ** 20)), html: '<p>x</p>' }),
      doc({ id: 'wrong-sync-0001', title: { toString: 'no' } }),
      { ...doc(clipping('wrong-sync-0002', 97)), _id: 'clip:wrong-sync-other' },
      { ...doc(clipping('wrong-sync-0003', 96)), meta: { noteFrom: 'x' } },
      { _id: 'settings:shared', type: 'settings', values: { theme: `<img src=x onerror="${JS('sy05a')}">` }, at: 'soon' },
    ]);
    // A deep history (past the depth where Chromium's IndexedDB failed to store PouchDB's tree)
    // ending in forty conflicting leaves.
    await remote.bulkDocs(
      Array.from({ length: 40 }, (_, k) => {
        const leaf = `${k.toString(16).padStart(8, '0')}leaf`;
        return { ...doc({ ...tree, tags: [`leaf ${k}`] }), _rev: `701-${leaf}`, _revisions: { start: 701, ids: [leaf, ...trunk] } };
      }),
      { new_edits: false },
    );

    const optUrl = b.extensionUrl('src/options/index.html');
    monitor.expectNavigation(optUrl);
    const t0 = Date.now();
    const options = await turnSyncOn(b, { url: server.url, database: server.databaseOf(USER), user: USER, password: PASSWORD });
    monitor.own(options);
    const status = options.getByTestId('sync-status');
    await expect(status).toHaveAttribute('data-state', 'ok', { timeout: 200_000 });
    console.log(`first sync with the hostile server: ${Date.now() - t0} ms`);
    // Refused and said so: the giant, the three wrong shapes, the settings, the tree's extra leaves.
    const refused = (await options.getByTestId('sync-refused').locator('li').allTextContents()).join('\n');
    expect(refused).toMatch(/clip:huge-sync-0001: too large/);
    for (const id of ['clip:wrong-sync-0001', 'clip:wrong-sync-other', 'clip:wrong-sync-0003', 'settings:shared']) expect(refused).toContain(id);
    expect(refused).toMatch(/clip:tree-sync-0001: 40 conflicting revisions/);
    await expect(status).toContainText(/documents from the server were refused/);
    expect(Number(await status.getAttribute('data-refused'))).toBeGreaterThanOrEqual(6);
    await monitor.checkPage(options, 'options after the hostile sync');
    // The tree is merged to one revision on the server too.
    expect((await remote.get('clip:tree-sync-0001', { conflicts: true }))._conflicts).toBeUndefined();

    // The library: the 30 ordinary clippings, the hostile one and the merged tree; nothing else.
    const libUrl = b.extensionUrl('src/library/index.html');
    monitor.expectNavigation(libUrl);
    const lib = monitor.own(await b.context.newPage());
    await lib.goto(libUrl);
    await expect(lib.getByTestId('clipping').first()).toBeVisible();
    const stored = await lib.evaluate(async () => {
      const open = indexedDB.open('sift');
      const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
      const req = db.transaction('clippings').objectStore('clippings').getAllKeys();
      return new Promise<string[]>((ok) => (req.onsuccess = () => ok(req.result as string[])));
    });
    expect(stored.sort()).toEqual([...good.map((g) => g.id as string), 'hostile-sync-0001', 'tree-sync-0001'].sort());
    await expect(lib.getByTestId('library-sync-status')).toHaveAttribute('data-state', 'ok');
    expect(Number(await lib.getByTestId('library-sync-status').getAttribute('data-refused'))).toBeGreaterThanOrEqual(6);
    await lib.getByTestId('search').fill('Hostile');
    // The hostile clipping opened in the reader: its markup is text, its HTML sanitised.
    const row = lib.locator('[data-testid=clipping][data-id="hostile-sync-0001"]');
    await expect(row).toContainText('<script>');
    await row.click();
    await expect(lib.locator('[data-testid=reader]')).toContainText('Europa plain words');
    await expect(lib.locator('[data-testid=reader] mark[data-annotation-id]').first()).toBeAttached();
    await monitor.checkPage(lib, 'library reader with the synced hostile clipping');
    // The style attribute's parse was reported to the CSP (counted as benign): none reached the page.
    expect(await lib.locator('[data-testid=reader] [style]').count()).toBe(0);

    // The toolbar popup on the article's page shows the synced highlights and their notes.
    const page = monitor.own(await b.openPage(pages.url('/article-en.html')));
    const { popup, close } = await b.clickToolbar(page);
    monitor.watchPopup(popup, 'popup');
    await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
    await expect(popup.getByTestId('article')).toBeVisible();
    await expect.poll(async () => (await popup.evaluate(() => document.body.textContent ?? '')).includes('<script>'), { timeout: 15_000 }).toBe(true);
    await monitor.checkDocument(await popup.evaluateHandle(() => document), 'popup with the synced highlights');
    expect(await popup.locator('[data-testid=article] [style]').count()).toBe(0);
    await close();

    // Let anything deferred fire before counting.
    await lib.waitForTimeout(1500);
    // The web page's own script errors are not Sift's.
    const incidents = monitor.incidents.filter((i) => !i.where.startsWith(pages.origin));
    expect(incidents, 'executions, requests, navigations or unsafe content').toEqual([]);
    expect(monitor.strayPages(), 'pages opened by content').toEqual([]);
    expect(recorder.hits, 'requests to the attacker').toEqual([]);
  } finally {
    await b.close();
    await recorder.stop();
    await pages.stop();
    await server.stop();
  }
});
