import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DexieStore } from '../../src/platform/store/dexie-store.ts';
import { QueueStore } from '../../src/background/capture/queue-store.ts';
import { QueueRunner } from '../../src/background/capture/runner.ts';
import { MAX_ATTEMPTS, type ProcessDeps } from '../../src/background/capture/process-item.ts';
import type { FetchResult } from '../../src/background/capture/fetch-page.ts';
import type { QueueItem } from '../../src/background/capture/queue-types.ts';
import { runPipeline } from '../../src/core/pipeline.ts';
import { makeClipping, type Clipping } from '../../src/core/clipping.ts';
import { parse } from './../helpers.ts';

// The queue on a real (fake-indexeddb) database with the real pipeline; only the network is a
// function here (fetch-page.test.ts covers the fetcher against a real server).

// A small article (the real pages' cost is the pipeline's, measured by bench:import): with no
// canonical address of its own, each fetched copy stands for a different article.
const PARA = 'The committee met on Tuesday to weigh the proposal, and its members spoke at length about the cost of the new bridge, the years it would take to build and the towns on either side of the river that would gain from it.';
const ARTICLE = `<!doctype html><html lang="en"><head><title>A test article</title></head><body><nav><a href="/">Home</a></nav><article><h1>A test article</h1>${`<p>${PARA}</p>`.repeat(6)}</article></body></html>`;
let dbn = 0;

function item(i: number, url: string, extra: Partial<QueueItem> = {}): Omit<QueueItem, 'seq'> {
  return {
    id: `item-${String(i).padStart(4, '0')}-${dbn}`, batch: 'b', source: 'import', url, host: new URL(url).hostname,
    title: `Title ${i}`, savedAt: '2020-01-02T03:04:05.000Z', tags: ['imported'], status: 'archived', importedFrom: 'pocket-csv',
    state: 'waiting', attempts: 0, nextAt: 0, ...extra,
  };
}

interface Net {
  calls: string[];
  maxTotal: number;
  maxHost: number;
  fetch: ProcessDeps['fetchPage'];
}

/** A network of pages: /missing is 404, /flaky answers 500 once, /pdf is a PDF, /hang never answers. */
function network(): Net {
  let total = 0;
  const perHost = new Map<string, number>();
  const flaky = new Set<string>();
  const net: Net = {
    calls: [], maxTotal: 0, maxHost: 0,
    fetch: async (url) => {
      net.calls.push(url);
      const host = new URL(url).hostname;
      total++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      net.maxTotal = Math.max(net.maxTotal, total);
      net.maxHost = Math.max(net.maxHost, perHost.get(host)!);
      try {
        if (url.includes('/hang')) await new Promise(() => {});
        await new Promise((r) => setTimeout(r, 5));
        if (url.includes('/missing')) return { kind: 'failed', reason: 'The site answered 404 Not Found.' } satisfies FetchResult;
        if (url.includes('/flaky') && !flaky.has(url)) {
          flaky.add(url);
          return { kind: 'retry', reason: 'The site answered 500.', retryAfterMs: null } satisfies FetchResult;
        }
        if (url.includes('/pdf')) return { kind: 'not-page', reason: 'Not a web page: the address gives application/pdf.', finalUrl: url, redirects: [] } satisfies FetchResult;
        return { kind: 'page', html: ARTICLE.replace('</head>', `<link rel="canonical" href="${url}"></head>`), finalUrl: url, redirects: [], encoding: 'utf-8' } satisfies FetchResult;
      } finally {
        total--;
        perHost.set(host, perHost.get(host)! - 1);
      }
    },
  };
  return net;
}

function setup(net: Net, boot = 'boot-1', name = `capture-${dbn++}`) {
  const store = new DexieStore(name);
  const queue = new QueueStore(store.db);
  const deps: ProcessDeps = {
    queue,
    policy: { allowLoopback: false },
    fetchPage: net.fetch,
    // Entities off: the queue is under test here, not the tagger (and jsdom is slow).
    clean: async (html, url) => runPipeline(parse(html, url), { url, force: true, entities: false }),
    save: async (c: Clipping) => void (await store.save(c)),
    hasPermission: async (url) => !url.includes('no-permission'),
    credentialsFor: async () => false,
    now: () => Date.now(),
    backoff: () => 20,
  };
  return { store, queue, runner: new QueueRunner(deps, boot), name };
}

async function settle(runner: QueueRunner, queue: QueueStore, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    await runner.kick();
    if ((await queue.count('waiting')) + (await queue.count('fetching')) === 0) return;
    if (Date.now() > end) throw new Error(`the queue did not settle: ${JSON.stringify(await runner.status())}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('capture queue', () => {
  it('fetches politely (4 at a time, 2 per site), keeps what the source knew, retries 5xx, keeps failures as links', async () => {
    const net = network();
    const { store, queue, runner } = setup(net);
    const items = [];
    for (let i = 0; i < 24; i++) items.push(item(i, `https://site${i % 3}.example/p/${i}${i === 5 ? '/missing' : i === 7 ? '/flaky' : i === 9 ? '/pdf' : ''}`));
    await queue.add(items);
    await settle(runner, queue);
    expect(net.maxTotal).toBeLessThanOrEqual(4);
    expect(net.maxHost).toBeLessThanOrEqual(2);
    expect(net.maxTotal).toBeGreaterThan(1);
    const s = await runner.status();
    expect(s).toMatchObject({ done: 23, failed: 1, waiting: 0, linkOnly: 2 });
    const all = await store.list();
    expect(all).toHaveLength(24);
    const flaky = all.find((c) => c.url.endsWith('/flaky'))!;
    expect(flaky.kind).toBeUndefined();
    expect(flaky).toMatchObject({ savedAt: '2020-01-02T03:04:05.000Z', tags: ['imported'], readState: 'archived', importedFrom: 'pocket-csv' });
    expect(flaky.text.length).toBeGreaterThan(200);
    expect(net.calls.filter((u) => u.endsWith('/flaky'))).toHaveLength(2);
    expect(all.find((c) => c.url.endsWith('/missing'))).toMatchObject({ kind: 'link', linkReason: 'The site answered 404 Not Found.', title: 'Title 5' });
    expect(all.find((c) => c.url.endsWith('/pdf'))).toMatchObject({ kind: 'link', linkReason: expect.stringContaining('application/pdf') });
    // Each address fetched once, but for the one retry.
    expect(net.calls).toHaveLength(25);
  });

  it('an address already in the library is counted as already saved and changes nothing', async () => {
    const net = network();
    const { store, queue, runner } = setup(net);
    const page = runPipeline(parse(ARTICLE, 'https://a.example/x'), { url: 'https://a.example/x', force: true, entities: false });
    if (!page.ok || !page.article) throw new Error('no article');
    const old = makeClipping('existing-clipping', { ...page.article, url: 'https://a.example/x', canonicalUrl: 'https://a.example/x' }, []);
    await store.save(old);
    await queue.add([item(1, 'https://a.example/x')]);
    await settle(runner, queue);
    expect(net.calls).toEqual([]);
    expect((await runner.status()).alreadySaved).toBe(1);
    expect(await store.list()).toEqual([old]);
  });

  it('without the site\'s permission an item waits as needs-permission; resume puts it back', async () => {
    const net = network();
    const { queue, runner } = setup(net);
    await queue.add([item(1, 'https://no-permission.example/a'), item(2, 'https://b.example/a')]);
    await settle(runner, queue);
    expect(await runner.status()).toMatchObject({ done: 1, needsPermission: 1 });
    expect(net.calls).toEqual(['https://b.example/a']);
    expect(await queue.move(['needs-permission'], 'waiting')).toBe(1);
  });

  it('a killed worker loses nothing and duplicates nothing: the next life takes back its claims, and a save it made is not fetched again', async () => {
    // Life A: every fetch it starts never returns: the worker is killed during them.
    const net = network();
    const hung = ((orig) => (url: string, o: Parameters<ProcessDeps['fetchPage']>[1]) => orig(`${url}/hang`, o))(net.fetch);
    net.fetch = hung;
    const first = setup(net, 'boot-A');
    const items = [];
    for (let i = 0; i < 10; i++) items.push(item(i, `https://k${i % 2}.example/p/${i}`));
    await first.queue.add(items);
    void first.runner.kick();
    for (let i = 0; i < 500 && (await first.queue.count('fetching')) < 4; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await first.queue.count('fetching')).toBe(4);
    // And it had saved item 9 but died before recording it.
    const saved = items[9]!;
    await first.queue.update(saved.id, { state: 'fetching', boot: 'boot-A' });
    const pageNine = runPipeline(parse(ARTICLE, saved.url), { url: saved.url, force: true });
    if (!pageNine.ok || !pageNine.article) throw new Error('no article');
    await first.store.save(makeClipping(saved.id, { ...pageNine.article, url: saved.url, canonicalUrl: saved.url }, []));
    // Life B on the same database, with a network that answers.
    const net2 = network();
    const second = setup(net2, 'boot-B', first.name);
    await settle(second.runner, second.queue);
    const all = await second.store.list();
    expect(all.map((c) => c.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(new Set(all.map((c) => c.canonicalUrl)).size).toBe(10);
    expect(net2.calls).not.toContain(saved.url);
    expect((await second.runner.status()).done).toBe(10);
    // The four A was fetching when it died are fetched again (their answers were lost), once.
    expect(net2.calls.sort()).toEqual(items.slice(0, 9).map((i) => i.url).sort());
  }, 90_000);
  it('a cleaner that throws (its document closed with a killed worker) is tried again; only a lasting error fails the item', async () => {
    const net = network();
    const { store, queue, runner } = setup(net);
    const base = runner['deps'] as ProcessDeps;
    const thrown = new Map<string, number>();
    const clean = base.clean;
    base.clean = async (html, url) => {
      const n = (thrown.get(url) ?? 0) + 1;
      thrown.set(url, n);
      if (url.includes('/once') && n === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (url.includes('/always')) throw new Error('The cleaner is broken.');
      return clean(html, url);
    };
    await queue.add([item(1, 'https://a.example/once'), item(2, 'https://a.example/always'), item(3, 'https://b.example/fine')]);
    await settle(runner, queue);
    expect(await runner.status()).toMatchObject({ done: 2, failed: 1, waiting: 0 });
    expect(thrown.get('https://a.example/once')).toBe(2);
    expect(thrown.get('https://a.example/always')).toBe(MAX_ATTEMPTS);
    const all = await store.list();
    expect(all.map((c) => c.url).sort()).toEqual(['https://a.example/once', 'https://b.example/fine']);
    const failed = (await queue.recentFailures())[0]!;
    expect(failed).toMatchObject({ url: 'https://a.example/always', reason: 'The cleaner is broken.' });
  });
});
