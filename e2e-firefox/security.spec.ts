import { test, expect, until, rows } from './support/fixtures.ts';
import { hostileFiles } from '../e2e/security/write-hostile-pages.ts';
import { payloadIds } from '../e2e/security/hostile-corpus.ts';
import { inspectArticleDom } from '../e2e/security/inspect.ts';

// The XSS corpus's first ten pages (e2e/security/, script elements to SVG vectors) through
// Firefox: the toolbar popup, Save, the library list and reader. A payload that runs would log
// "XSS-MARKER:<id>" (Firefox prints extension pages' console to stdout), set window.__siftXss,
// open a dialog, or fetch http://tracker.sift.test/x/<id> (every non-local request goes through
// the recording server as a proxy). Pass: none of that, and no unsafe markup in what is shown.

/** Same as the Chromium security test: the tab's own scripts do not run and it fetches nothing. */
const TAB_CSP = "script-src 'none'; default-src 'self' 'unsafe-inline'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

/** Unsafe content and payload traces in a document, checked in the page (d: the document). */
const CHECK = `
  const found = [];
  if (d.defaultView.__siftXss !== undefined) found.push('window.__siftXss = ' + d.defaultView.__siftXss);
  for (const el of d.querySelectorAll('*')) for (const a of el.attributes) if (a.name.toLowerCase().startsWith('on')) found.push(el.localName + '[' + a.name + ']');
  for (const el of d.querySelectorAll('base, meta[http-equiv]:not(head > meta[http-equiv="Content-Security-Policy"][content="connect-src \\'self\\'"]), iframe, frame, object, embed, script:not([src])')) found.push('element ' + el.outerHTML.slice(0, 120));
  const inspect = (${inspectArticleDom.toString()});
  for (const root of d.querySelectorAll('[data-testid=article]')) for (const p of inspect(root)) found.push(p.what + ': ' + p.html);
  return found;`;

test('the XSS corpus top ten: nothing runs in the Firefox popup, library or reader', async ({ ff, server, recorder }) => {
  test.setTimeout(180_000);
  const files = hostileFiles().slice(0, 10);
  const payloads = files.flatMap((f) => payloadIds(f.html));
  for (const f of files) {
    server.route(`/hostile/${f.name}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': TAB_CSP }).end(f.html);
    });
  }
  const logFrom = ff.log.length;
  const hitsFrom = recorder.hits.length;
  const dialogs: string[] = [];
  const problems: string[] = [];
  const tab = await ff.openPage('about:blank');
  for (const f of files) {
    await ff.goto(tab, server.url(`/hostile/${f.name}`));
    const popup = await ff.clickToolbar(tab);
    const state = await popup.waitState(/^(ready|not-article|error)$/);
    expect(state, `${f.name}: ${await popup.text('[data-testid=status]')}`).not.toBe('error');
    if (state === 'not-article') {
      await popup.click('[data-testid=show-anyway]');
      await popup.waitState('ready');
    }
    for (const p of await popup.eval<string[]>(CHECK)) problems.push(`popup ${f.name}: ${p}`);
    await popup.click('[data-testid=save]');
    await popup.waitState('saved');
    await popup.close();
  }

  const library = await ff.openExtensionPage('src/library/index.html');
  library.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => {});
  });
  await until(() => rows(library), (r) => r.length === files.length, 'every page saved');
  const check = () => library.evaluate(`(() => { const d = document; ${CHECK} })()`) as Promise<string[]>;
  for (const p of await check()) problems.push(`library list: ${p}`);
  for (let i = 0; i < files.length; i++) {
    const before = await library.$eval('[data-testid=reader]', (r) => r.textContent ?? '').catch(() => '');
    await library.$eval(`[data-testid=clipping][data-index="${i}"]`, (r) => {
      r.scrollIntoView();
      (r as HTMLElement).click();
    });
    await until(() => library.$eval('[data-testid=reader]', (r) => r.textContent ?? ''), (t) => t !== before && t.length > 200, `reader ${i}`);
    for (const p of await check()) problems.push(`library reader ${i}: ${p}`);
  }
  for (const q of ['<img', 'onerror', 'javascript:', '"><script>', '<svg onload']) {
    await library.$eval('[data-testid=search]', (s, v) => {
      (s as HTMLInputElement).value = v;
      s.dispatchEvent(new Event('input', { bubbles: true }));
    }, q);
    await new Promise((r) => setTimeout(r, 150));
    for (const p of await check()) problems.push(`library search ${q}: ${p}`);
  }

  // Controls: the two detectors that see what the DOM checks cannot are live. An extension page's
  // console line reaches Firefox's stdout, and its image request reaches the recorder.
  // Firefox upgrades an extension page's http image to https (mixed content), so the recorder
  // sees it as CONNECT tracker.sift.test:443, path unseen: any request to the tracker host counts.
  await new Promise((r) => setTimeout(r, 1000)); // anything still in flight arrives
  const tracker = (h: { host: string }) => h.host.startsWith('tracker.sift.test');
  const hits = recorder.hits.slice(hitsFrom).filter(tracker);
  const controlFrom = recorder.hits.length;
  await ff.ext(`(console.log('XSS-MARKER:control'), new Image().src = 'http://tracker.sift.test/control', 1)`);
  await until(async () => ff.log.slice(logFrom).some((l) => l.includes('XSS-MARKER:control')) && recorder.hits.slice(controlFrom).some(tracker), (ok) => ok, 'detector controls', 5000);
  const markers = ff.log.slice(logFrom).filter((l) => l.includes('XSS-MARKER') && !l.includes('XSS-MARKER:control'));
  const executions = hits;
  const summary = { browser: 'firefox', pages: files.length, payloads: payloads.length, executions: executions.length + markers.length + dialogs.length, trackerHits: hits.length, problems: problems.length };
  console.log(JSON.stringify(summary));
  expect(markers, 'payload console markers').toEqual([]);
  expect(dialogs, 'dialogs').toEqual([]);
  expect(hits.map((h) => `${h.method} ${h.path} (referer ${h.referer ?? '-'})`), 'requests to the attacker').toEqual([]);
  expect(problems, 'unsafe content shown').toEqual([]);
});
