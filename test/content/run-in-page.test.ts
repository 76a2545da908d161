import { afterEach, describe, expect, it } from 'vitest';
import { runInPage, type ContentApi } from '../../src/content/api.ts';
import type { ExtractOutcome } from '../../src/core/types.ts';

// runInPage is sent together with the content script's injection (read-article.ts), and the
// browser may run it before the script: it must wait for the script, then extract.
const g = globalThis as { __siftContent?: ContentApi; __siftContentWaiters?: (() => void)[] };
const OUT: ExtractOutcome = { ok: true, article: null, readability: { isArticle: false, reason: 'no-content' }, entities: [], timings: { extractMs: 1, entitiesMs: 0 } };
const api: ContentApi = { version: 3, extract: () => OUT, lastArticle: () => null };

afterEach(() => {
  delete g.__siftContent;
  delete g.__siftContentWaiters;
});

describe('runInPage', () => {
  it('runs at once when the content script is already there', async () => {
    g.__siftContent = api;
    expect(await runInPage({ entities: 'later' }, 1000)).toBe(OUT);
  });

  it('waits for the content script installed after it, then extracts', async () => {
    const run = runInPage({ entities: 'later' }, 5000);
    await new Promise((r) => setTimeout(r, 20));
    // What src/content/index.ts does once it is installed.
    g.__siftContent = api;
    for (const wake of g.__siftContentWaiters?.splice(0) ?? []) wake();
    expect(await run).toBe(OUT);
  });

  it('says the page changed when the script never comes', async () => {
    const out = await runInPage({ entities: 'later' }, 30);
    expect(out).toEqual({ ok: false, error: { code: 'navigated', message: 'Sift could not start on this page.' } });
  });
});
