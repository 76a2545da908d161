import type { Page } from '@playwright/test';
import { Sift } from '../support/sift.ts';
import { test, expect } from '../support/fixtures.ts';
import { articleAt, DIST_CHROME_TEST } from '../capture/support.ts';

// The manifest's extension_pages CSP also governs the service worker in Chromium, so its
// connect-src is wide (sync's server, the pages capture fetches). Every extension PAGE adds its
// own <meta> policy, `connect-src 'self'`: policies combine and the stricter wins. Proved here in
// the test build, which even holds a host permission for 127.0.0.1: no page reaches the test
// server, each refusal is a securitypolicyviolation of the page's own policy, and the worker
// still fetches, captures a link (through the offscreen cleaner, itself under the strict policy).

const PAGES = ['src/popup/index.html', 'src/options/index.html', 'src/library/index.html', 'src/offscreen/index.html'];

interface Probe {
  selfOk: boolean;
  fetchError: string | null;
  violations: { directive: string; blocked: string; policy: string }[];
}

/** From inside an extension page: a fetch, a beacon and an EventSource to `url`, and what the CSP said. */
export async function probe(page: Page, url: string): Promise<Probe> {
  return page.evaluate(async (target) => {
    const violations: { directive: string; blocked: string; policy: string }[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, policy: e.originalPolicy }));
    const selfOk = (await fetch('/manifest.json')).ok;
    let fetchError: string | null = null;
    try {
      await fetch(`${target}?via=fetch`);
    } catch (err) {
      fetchError = String(err);
    }
    // sendBeacon() answers true (queued) before the CSP check: only the violation and the server tell.
    navigator.sendBeacon(`${target}?via=beacon`, 'x');
    const es = new EventSource(`${target}?via=eventsource`);
    await new Promise((r) => setTimeout(r, 500));
    es.close();
    return { selfOk, fetchError, violations };
  }, url);
}

test('extension pages connect nowhere but Sift itself; the service worker still fetches and captures', async ({ server }) => {
  server.route('/probe', (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('reached'));
  articleAt(server, '/linked', 1);
  const sift = await Sift.launch({ dist: DIST_CHROME_TEST });
  try {
    for (const path of PAGES) {
      const page = await sift.openExtensionPage(path);
      const got = await probe(page, server.url('/probe'));
      expect(got.selfOk, path).toBe(true);
      expect(got.fetchError, path).toMatch(/Failed to fetch/);
      const connect = got.violations.filter((v) => v.directive === 'connect-src');
      // fetch, beacon and EventSource: each refused by the page's own policy, not the manifest's.
      expect(connect.length, `${path}: ${JSON.stringify(got.violations)}`).toBeGreaterThanOrEqual(3);
      for (const v of connect) expect(v.policy, path).toBe("connect-src 'self'");
      await page.close();
    }
    expect(server.requests.filter((r) => r.url.includes('/probe'))).toEqual([]);

    // The worker: a plain fetch reaches the server...
    const worker = await sift.worker();
    const status = await worker.evaluate(async (u) => (await fetch(u)).status, server.url('/probe?via=worker'));
    expect(status).toBe(200);
    expect(server.requests.filter((r) => r.url.includes('/probe')).map((r) => new URL(r.url).search)).toEqual(['?via=worker']);

    // ...and "Save link" fetches and cleans a page (the cleaner's offscreen page runs under the strict policy).
    await expect.poll(() => worker.evaluate(`chrome.contextMenus.update('save-link', {}).then(() => true, () => false)`)).toBe(true);
    const tab = await sift.openPage(server.url('/article-en.html'));
    const tabId = (await worker.evaluate(`chrome.tabs.query({ url: '${tab.url()}' }).then((t) => t[0].id)`)) as number;
    await worker.evaluate(`siftOnMenuClicked({ menuItemId: 'save-link', linkUrl: '${server.url('/linked')}', linkText: 'linked', editable: false, pageUrl: '' }, { id: ${tabId} })`);
    await expect.poll(() => worker.evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`), { timeout: 30_000 }).toBe('✓');
  } finally {
    await sift.close();
  }
});
