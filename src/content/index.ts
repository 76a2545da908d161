import { runPipeline } from '../core/pipeline.ts';
import { budgetErrorFrom, checkResultSize, DEFAULT_BUDGET } from '../core/budget.ts';
import type { ExtractOutcome } from '../core/types.ts';
import { CONTENT_API_VERSION, type ContentApi, type ContentRequest } from './api.ts';

// Injected on demand. Installs the extractor once: a second injection finds it and does nothing.
// It runs in the page's isolated world and only ever hands back an extraction result (as the
// return value of scripting.executeScript): it sends no messages and reads no extension storage.
const g = globalThis as { __siftContent?: ContentApi };

function extract(req: ContentRequest): ExtractOutcome {
  const type = document.contentType;
  if (type && !/html|xml/i.test(type)) {
    return { ok: false, error: { code: 'not-html', message: `This is not a web page (${type}).` } };
  }
  try {
    const out = runPipeline(document, { url: location.href, force: req.force, uiLang: req.uiLang, budget: DEFAULT_BUDGET });
    // The result travels as a message twice (to the worker, then to the popup): refuse it here,
    // with a clear reason, rather than let the browser drop it.
    const big = out.ok ? checkResultSize(out, DEFAULT_BUDGET) : null;
    return big ? { ok: false, error: big } : out;
  } catch (err) {
    const budget = budgetErrorFrom(err);
    if (budget) return { ok: false, error: budget };
    return { ok: false, error: { code: 'failed', message: String((err as Error)?.message ?? err) } };
  }
}

if (!g.__siftContent || g.__siftContent.version !== CONTENT_API_VERSION) {
  g.__siftContent = { version: CONTENT_API_VERSION, extract };
}
