import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type http from 'node:http';
import { PageServer } from '../support/server.ts';
import { Sift } from '../support/sift.ts';
import { shot } from '../support/fixtures.ts';
import { BAD_INPUTS, type BadInput } from './inputs.ts';

// The bad-input corpus (e2e/pages/bad and the generated pages in inputs.ts) through the real
// toolbar popup. Each input has one defined outcome (the table in inputs.ts and in
// e2e/bad-input/README.md), reached within its time budget, after which the popup still answers
// and the service worker still works.

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: { code: string } }> } };

const BAD = resolve(import.meta.dirname, '..', 'pages', 'bad');

function serve(server: PageServer, input: BadInput): void {
  if (input.body) {
    const body = input.body();
    server.route(input.path, (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(200, { 'content-type': input.contentType ?? 'text/html; charset=utf-8' }).end(body);
    });
  } else if (input.file) {
    const bytes = readFileSync(resolve(BAD, input.file));
    server.route(input.path, (_req, res) => {
      res.writeHead(200, { 'content-type': input.contentType ?? 'text/html; charset=utf-8' }).end(bytes);
    });
  }
}

async function finalState(popup: Page, budgetMs: number): Promise<{ state: string; ms: number }> {
  const t0 = Date.now();
  const status = popup.getByTestId('status');
  await expect(status).toHaveAttribute('data-state', /^(ready|not-article|error)$/, { timeout: budgetMs });
  return { state: (await status.getAttribute('data-state'))!, ms: Date.now() - t0 };
}

test('bad input: every page gets its defined outcome in time, and nothing crashes', async () => {
  test.setTimeout(240_000);
  const server = await new PageServer().start();
  // The page a navigating page goes to, answered slowly so the navigation is under way while
  // Sift reads the page.
  server.route('/bad/slow-next.html', (_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(resolve(BAD, 'iframes.html'))), 3000);
  });
  for (const input of BAD_INPUTS) serve(server, input);
  const sift = await Sift.launch();
  const results: Record<string, { state: string; ms: number; detail: string }> = {};
  try {
    const library = await sift.openExtensionPage('src/library/index.html');
    const tab = sift.context.pages()[0]!;
    for (const input of BAD_INPUTS) {
      await test.step(input.name, async () => {
        await tab.goto(server.url(input.path), { waitUntil: 'load' });
        if (input.ready) await tab.waitForFunction(input.ready);
        const { popup, close } = await sift.clickToolbar(tab);
        try {
          const { state, ms } = await finalState(popup, input.budgetMs);
          const notice = (await popup.getByTestId('notice').isVisible()) ? await popup.getByTestId('notice').innerText() : '';
          results[input.name] = { state, ms, detail: notice.replace(/\s+/g, ' ').slice(0, 120) };
          expect(input.outcomes, `${input.name}: got ${state} (${notice})`).toContain(state);
          if (state === 'ready' && input.check) await input.check(popup, server);
          if (state !== 'ready' && input.notice) await expect(popup.getByTestId('notice')).toContainText(input.notice);
          if (input.shot) await popup.screenshot({ path: shot(`bad-input-${input.name}`) });
          // The popup still answers, and so does the worker.
          expect(await popup.evaluate(() => document.readyState)).toBe('complete');
          const reply = await library.evaluate(() => chrome.runtime.sendMessage({ sift: 1, name: 'no.such.message', req: {} }));
          expect(reply.error?.code).toBe('unknown-message');
        } finally {
          await popup.close().catch(() => {});
          await close();
        }
      });
    }
    console.log(JSON.stringify(results));
  } finally {
    await sift.close();
    await server.stop();
  }
});
