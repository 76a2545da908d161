import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage } from '../../src/background/capture/fetch-page.ts';
import { guardDecision, guardRules } from '../../src/core/private-host-rules.ts';

// The fetcher against a real HTTP server on 127.0.0.1 (the test build's one allowed address).

let server: http.Server;
let origin = '';
const GBK_TITLE = Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]); // 北京 in GBK

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/page') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<title>北京</title><p>ok</p>');
    if (path === '/gbk') return void res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.concat([Buffer.from('<meta charset="gbk"><title>'), GBK_TITLE, Buffer.from('</title>')]));
    if (path === '/moved') return void res.writeHead(301, { location: '/page' }).end();
    if (path === '/to-private') return void res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/page` }).end();
    if (path === '/busy') return void res.writeHead(429, { 'retry-after': '7' }).end();
    if (path === '/error') return void res.writeHead(503).end();
    if (path === '/pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    if (path === '/big') return void res.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(3000));
    if (path === '/slow') return void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('late'), 2000);
    if (path === '/cookie') return void res.writeHead(200, { 'content-type': 'text/html' }).end(`cookie=${req.headers.cookie ?? ''}`);
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const opts = { policy: { allowLoopback: true }, credentials: false };

describe('fetchPage', () => {
  it('reads a page, decoding by the header, else by what the page declares', async () => {
    expect(await fetchPage(`${origin}/page`, opts)).toMatchObject({ kind: 'page', html: '<title>北京</title><p>ok</p>', encoding: 'utf-8' });
    expect(await fetchPage(`${origin}/gbk`, opts)).toMatchObject({ kind: 'page', html: expect.stringContaining('<title>北京</title>'), encoding: 'gb18030' });
  });

  it('records redirects, and refuses an answer that ended on a private address', async () => {
    expect(await fetchPage(`${origin}/moved`, opts)).toMatchObject({ kind: 'page', finalUrl: `${origin}/page`, redirects: [`${origin}/moved`] });
    expect(await fetchPage(`${origin}/to-private`, opts)).toMatchObject({ kind: 'failed', reason: expect.stringContaining('private address') });
  });

  it('429 and 5xx are worth another try (Retry-After honoured); 404 is a failure', async () => {
    expect(await fetchPage(`${origin}/busy`, opts)).toEqual({ kind: 'retry', reason: expect.stringContaining('429'), retryAfterMs: 7000 });
    expect(await fetchPage(`${origin}/error`, opts)).toMatchObject({ kind: 'retry', reason: expect.stringContaining('503') });
    expect(await fetchPage(`${origin}/nothing`, opts)).toMatchObject({ kind: 'failed', reason: expect.stringContaining('404') });
  });

  it('non-HTML and oversized answers are kept as links with the reason; a slow site times out', async () => {
    expect(await fetchPage(`${origin}/pdf`, opts)).toMatchObject({ kind: 'not-page', reason: expect.stringContaining('application/pdf') });
    expect(await fetchPage(`${origin}/big`, { ...opts, maxBytes: 1000 })).toMatchObject({ kind: 'not-page', reason: expect.stringContaining('larger than') });
    expect(await fetchPage(`${origin}/slow`, { ...opts, timeoutMs: 300 })).toMatchObject({ kind: 'retry', reason: expect.stringContaining('No answer') });
  });

  it('sends no cookies unless the site is allowed (credentials: omit)', async () => {
    let seen: RequestInit | undefined;
    const spy: typeof fetch = async (url, init) => {
      seen = init;
      return fetch(url, init);
    };
    await fetchPage(`${origin}/cookie`, { ...opts, fetchFn: spy });
    expect(seen).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'follow' });
    await fetchPage(`${origin}/cookie`, { ...opts, credentials: true, fetchFn: spy });
    expect(seen?.credentials).toBe('include');
  });

  it('a redirect the browser guard refuses before connecting is reported as such, not as an unreachable site', async () => {
    // The browser as the extension has it: the guard's rules (e2e build: 127.0.0.1 allowed, any
    // other address of the machine refused), checked for every request and every redirect.
    const rules = guardRules({ allowLoopback: true, allowOrigins: [] });
    const contacted: string[] = [];
    const browserFetch: typeof fetch = async (input, init = {}) => {
      let url = String(input);
      for (let hop = 0; hop < 10; hop++) {
        if (guardDecision(rules, url) === 'block') throw new TypeError('Failed to fetch');
        contacted.push(url);
        const res = await fetch(url, { ...init, redirect: 'manual' });
        const location = res.headers.get('location');
        if (res.status < 300 || res.status >= 400 || !location) return res;
        if (init.redirect === 'manual') return res;
        url = new URL(location, url).href;
      }
      throw new TypeError('Failed to fetch');
    };
    const got = await fetchPage(`${origin}/to-private`, { ...opts, fetchFn: browserFetch });
    expect(got).toMatchObject({ kind: 'failed', reason: expect.stringContaining('redirects to an address Sift does not fetch') });
    expect(contacted.every((u) => u.startsWith(origin))).toBe(true);
    // A site that is simply down is still a passing trouble.
    const down = await fetchPage('http://127.0.0.1:9/', { ...opts, fetchFn: browserFetch });
    expect(down).toMatchObject({ kind: 'retry', reason: expect.stringContaining('could not be reached') });
  });
});
