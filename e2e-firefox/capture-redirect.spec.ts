import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { PageServer } from '../e2e/support/server.ts';
import { articleAt } from '../e2e/capture/support.ts';
import { DIST_FIREFOX, FirefoxSift } from './support/firefox.ts';
import { storedClippings, until } from './support/fixtures.ts';

// "Save link" in Firefox's production build (dist/firefox), with the permission to fetch pages
// granted (in the manifest of a copy, as a user grants it when asked). Firefox sends every
// request for a web site through `internet` (a proxy standing for the public web); a public page
// there redirects to another server on this machine, which Firefox reaches directly. The browser's
// guard (declarativeNetRequest, src/background/capture/guard.ts) must refuse it before connecting.
// A Firefox of its own: the suite's shared one has no such proxy.

const GRANTED = resolve(import.meta.dirname, '..', 'test-results', 'redirect-dist-firefox');

function grantedDist(): string {
  rmSync(GRANTED, { recursive: true, force: true });
  cpSync(DIST_FIREFOX, GRANTED, { recursive: true });
  const file = join(GRANTED, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = ['http://*/*', 'https://*/*'];
  writeFileSync(file, JSON.stringify(manifest));
  return GRANTED;
}

const test = base.extend<{ internet: PageServer; inside: PageServer }>({
  internet: async ({}, use) => {
    const s = await new PageServer().start();
    await use(s);
    await s.stop();
  },
  inside: async ({}, use) => {
    const s = await new PageServer().start();
    await use(s);
    await s.stop();
  },
});

test('a redirect from a public page to this machine is refused before any connection; public redirects still work', async ({ internet, inside }) => {
  test.setTimeout(120_000);
  const port = new URL(inside.origin).port;
  internet.route('/to-ip', (_q, res) => void res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end());
  internet.route('/to-localhost', (_q, res) => void res.writeHead(301, { location: `http://localhost:${port}/secret` }).end());
  internet.route('/moved', (_q, res) => void res.writeHead(302, { location: 'http://public.test/story' }).end());
  articleAt(internet, '/story', 1);
  const ff = await FirefoxSift.launch({
    dist: grantedDist(),
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': Number(new URL(internet.origin).port),
      'network.proxy.no_proxies_on': '127.0.0.1',
    },
  });
  try {
    for (const path of ['/to-ip', '/to-localhost', '/moved']) {
      const res = await ff.ext<{ added: number }>(`browser.runtime.getBackgroundPage().then((bg) => bg.siftSaveLink('http://public.test${path}', '${path}'))`);
      expect(res.added, path).toBe(1);
    }
    type Stored = { url: string; kind?: string; linkReason?: string; text: string };
    const stored = (await until(() => storedClippings(ff), (s) => s.length === 3, 'three clippings', 60_000)) as unknown as Stored[];
    expect(inside.requests).toEqual([]);
    for (const path of ['/to-ip', '/to-localhost']) {
      expect(stored.find((s) => s.url === `http://public.test${path}`), path).toMatchObject({ kind: 'link', linkReason: expect.stringContaining('redirects to an address Sift does not fetch') });
    }
    const moved = stored.find((s) => s.url.endsWith('/story'));
    expect(moved?.kind).toBeUndefined();
    expect(moved?.text.length).toBeGreaterThan(500);
  } finally {
    await ff.close();
  }
});
