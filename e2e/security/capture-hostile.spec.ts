import { test, expect } from '@playwright/test';
import { PageServer } from '../support/server.ts';
import { Recorder } from '../support/recorder.ts';
import { Sift } from '../support/sift.ts';
import { storedClippings } from '../support/worker-kill.ts';
import { hostileFiles } from './write-hostile-pages.ts';
import { Monitor } from './monitor.ts';
import { DIST_CHROME_TEST, importFile, waitIdle } from '../capture/support.ts';

// The XSS corpus (e2e/pages/hostile) through the import path: a reading list of every hostile
// page, fetched by the worker, parsed and cleaned in the offscreen document, stored, then listed
// and opened in the library. Pass: no dialog, console marker, CSP or Trusted Types violation,
// page error or stray navigation in any extension page, no request from an extension page but
// article images from the page server (the worker's own fetches are the import), and nothing on
// the attacker's recording server.

test('hostile pages imported from a reading list: nothing runs, nothing leaves', async () => {
  test.setTimeout(300_000);
  const files = hostileFiles();
  const server = await new PageServer().start();
  for (const f of files) server.route(`/hostile/${f.name}`, (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(f.html));
  const recorder = await new Recorder().start();
  const sift = await Sift.launch({ dist: DIST_CHROME_TEST, args: recorder.chromiumArgs() });
  const monitor = new Monitor(server.origin);
  await monitor.watchContext(sift.context);
  // The worker's own requests: the import's fetches, and nothing else.
  const workerRequests: string[] = [];
  sift.context.on('request', (req) => {
    if (req.serviceWorker()) workerRequests.push(req.url());
  });
  try {
    const optUrl = sift.extensionUrl('src/options/index.html');
    monitor.expectNavigation(optUrl);
    const options = monitor.own(await sift.context.newPage());
    await options.goto(optUrl);
    const csv = ['title,url,time_added,tags,status', ...files.map((f, i) => `"${f.name}",${server.url(`/hostile/${f.name}`)},${1_600_000_000 + i},,unread`)].join('\n');
    await importFile(options, 'pocket.csv', Buffer.from(csv));
    const counts = await waitIdle(options, 240_000, files.length);
    expect(counts.done + counts.failed).toBe(files.length);
    await monitor.checkPage(options, 'options after the import');
    const stored = await storedClippings(options);
    // Which page is missing, if one is (each hostile page is its own article at its own address).
    const missing = files.filter((f) => !stored.some((c) => String(c.url ?? '').endsWith(`/hostile/${f.name}`)));
    expect(missing.map((f) => f.name), JSON.stringify({ counts, canonical: stored.map((c) => c.canonicalUrl) })).toEqual([]);
    expect(stored.length).toBe(files.length);

    const libUrl = sift.extensionUrl('src/library/index.html');
    monitor.expectNavigation(libUrl);
    const lib = monitor.own(await sift.context.newPage());
    await lib.goto(libUrl);
    await expect(lib.getByTestId('count')).toContainText(String(files.length));
    await monitor.checkPage(lib, 'library list');
    const viewport = lib.getByTestId('clippings');
    for (let i = 0; i < files.length; i++) {
      await viewport.evaluate((el, top) => (el.scrollTop = top), i * 88);
      await lib.locator(`[data-testid=clipping][data-index="${i}"]`).dispatchEvent('click');
      await expect(lib.locator('[data-testid=reader] [data-testid=article]')).toBeAttached();
      await monitor.checkPage(lib, `library reader ${i}`);
    }
    expect(workerRequests.length).toBeGreaterThanOrEqual(files.length);
    expect(workerRequests.filter((u) => !u.startsWith(`${server.origin}/hostile/`))).toEqual([]);
    expect(monitor.incidents, JSON.stringify(monitor.incidents.slice(0, 10), null, 1)).toEqual([]);
    expect(recorder.hits ?? [], 'requests on the attacker server').toEqual([]);
  } finally {
    await sift.close();
    await recorder.stop();
    await server.stop();
  }
});
