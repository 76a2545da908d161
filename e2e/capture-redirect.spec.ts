import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Sift, DIST_CHROME } from './support/sift.ts';
import { test, expect } from './support/fixtures.ts';
import { PageServer } from './support/server.ts';
import { storedClippings } from './support/worker-kill.ts';
import { articleAt } from './capture/support.ts';

// "Save link" in the production build (dist/chrome: it refuses every address of this machine,
// 127.0.0.1 included), with the permission to fetch pages already granted (in the manifest of a
// copy, as a user grants it when asked). A public site (public.test, resolved by Chromium to this
// test's page server) redirects to another server on this machine: the browser's guard
// (declarativeNetRequest, src/background/capture/guard.ts) must refuse the redirect before any
// connection, and that other server must see nothing. A redirect between public addresses works.

const GRANTED = resolve(import.meta.dirname, '..', 'test-results', 'redirect-dist-chrome');

function grantedDist(): string {
  rmSync(GRANTED, { recursive: true, force: true });
  cpSync(DIST_CHROME, GRANTED, { recursive: true });
  const file = join(GRANTED, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = ['http://*/*', 'https://*/*'];
  writeFileSync(file, JSON.stringify(manifest));
  return GRANTED;
}

type Stored = { url: string; kind?: string; linkReason?: string; text: string };

test('a redirect from a public page to this machine is refused before any connection; public redirects still work', async ({ server }) => {
  const inside = await new PageServer().start();
  const insidePort = new URL(inside.origin).port;
  server.route('/to-ip', (_q, res) => void res.writeHead(302, { location: `http://127.0.0.1:${insidePort}/secret` }).end());
  server.route('/to-localhost', (_q, res) => void res.writeHead(301, { location: `http://localhost:${insidePort}/secret` }).end());
  server.route('/to-mapped', (_q, res) => void res.writeHead(307, { location: `http://[::ffff:127.0.0.1]:${insidePort}/secret` }).end());
  server.route('/moved', (_q, res) => void res.writeHead(302, { location: 'http://public.test/story' }).end());
  articleAt(server, '/story', 1);
  const sift = await Sift.launch({ dist: grantedDist(), args: [`--host-resolver-rules=MAP public.test 127.0.0.1:${new URL(server.origin).port}`] });
  try {
    const worker = await sift.worker();
    await expect.poll(() => worker.evaluate(`chrome.contextMenus.update('save-link', {}).then(() => true, () => false)`)).toBe(true);
    const tab = await sift.openPage('http://public.test/story');
    const tabId = (await worker.evaluate(`chrome.tabs.query({ url: 'http://public.test/story' }).then((t) => t[0].id)`)) as number;
    const saveLink = async (path: string, badge: string) => {
      await worker.evaluate(`siftOnMenuClicked({ menuItemId: 'save-link', linkUrl: 'http://public.test${path}', linkText: '${path}', editable: false, pageUrl: '' }, { id: ${tabId} })`);
      await expect.poll(() => worker.evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`), { timeout: 30_000, message: path }).toBe(badge);
      // The next link starts from a clean badge.
      await worker.evaluate(`chrome.action.setBadgeText({ tabId: ${tabId}, text: '' })`);
    };
    for (const path of ['/to-ip', '/to-localhost', '/to-mapped']) await saveLink(path, '!');
    await saveLink('/moved', '✓');

    expect(inside.requests).toEqual([]);
    const library = await sift.openExtensionPage('src/library/index.html');
    const stored = (await storedClippings(library)) as unknown as Stored[];
    for (const path of ['/to-ip', '/to-localhost', '/to-mapped']) {
      const c = stored.find((s) => s.url === `http://public.test${path}`);
      expect(c, path).toMatchObject({ kind: 'link', linkReason: expect.stringContaining('redirects to an address Sift does not fetch') });
    }
    const moved = stored.find((s) => s.url.endsWith('/story'));
    expect(moved?.kind).toBeUndefined();
    expect(moved?.text.length).toBeGreaterThan(500);
    // The public server saw each address once or twice (the second, not followed, tells a refused redirect from a dead site).
    expect(server.requests.filter((r) => r.url.includes('/to-')).length).toBeLessThanOrEqual(6);
    await tab.close();
  } finally {
    await sift.close();
    await inside.stop();
  }
});
