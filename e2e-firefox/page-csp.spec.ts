import { test, expect } from './support/fixtures.ts';

// Firefox: the manifest's connect-src is wide for the background page (where sync and capture run:
// Firefox has no service worker for Sift, its background scripts get a generated page with no
// <meta> of ours). Every extension page that Sift ships as HTML carries `connect-src 'self'` in a
// <meta> policy, which Firefox enforces in moz-extension pages too: proved here, with the page
// server on 127.0.0.1 counting what reached it.

const PAGES = ['src/popup/index.html', 'src/options/index.html', 'src/library/index.html'];

const PROBE = (target: string) => `(async () => {
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push({ directive: e.effectiveDirective, policy: e.originalPolicy }));
  const selfOk = (await fetch('/manifest.json')).ok;
  let fetchError = null;
  try { await fetch(${JSON.stringify(`${target}?via=fetch`)}); } catch (err) { fetchError = String(err); }
  navigator.sendBeacon(${JSON.stringify(`${target}?via=beacon`)}, 'x');
  const es = new EventSource(${JSON.stringify(`${target}?via=eventsource`)});
  await new Promise((r) => setTimeout(r, 500));
  es.close();
  return { selfOk, fetchError, violations };
})()`;

test('extension pages connect nowhere but Sift itself; the background page still reaches servers', async ({ ff, server }) => {
  server.route('/probe', (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('reached'));
  const probeUrl = server.url('/probe');
  for (const path of PAGES) {
    const page = await ff.openExtensionPage(path);
    const got = (await page.evaluate(PROBE(probeUrl))) as { selfOk: boolean; fetchError: string | null; violations: { directive: string; policy: string }[] };
    expect(got.selfOk, path).toBe(true);
    expect(got.fetchError, path).toMatch(/NetworkError/);
    const connect = got.violations.filter((v) => v.directive === 'connect-src');
    expect(connect.length, `${path}: ${JSON.stringify(got.violations)}`).toBeGreaterThanOrEqual(1);
    for (const v of connect) expect(v.policy, path).toBe("connect-src 'self'");
    await page.close();
  }
  expect(server.requests.filter((r) => r.url.includes('/probe'))).toEqual([]);

  // The background page (sync, capture's fetches and cleaning) is not under the page policy.
  const status = await ff.ext<number>(`browser.runtime.getBackgroundPage().then((bg) => bg.fetch(${JSON.stringify(`${probeUrl}?via=background`)}).then((r) => r.status))`);
  expect(status).toBe(200);
  expect(server.requests.filter((r) => r.url.includes('/probe')).map((r) => new URL(r.url).search)).toEqual(['?via=background']);
});
