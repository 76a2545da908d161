import { runArticleStage } from '../core/pipeline-article.ts';
import { budgetErrorFrom, checkResultSize, DEFAULT_BUDGET } from '../core/budget.ts';
import type { Article, ExtractOutcome } from '../core/types.ts';
import { CONTENT_API_VERSION, type ContentApi, type ContentRequest } from './api.ts';

// Injected on demand. Installs the extractor once: a second injection finds it and does nothing.
// It runs in the page's isolated world and only ever hands back an extraction result (as the
// return value of scripting.executeScript): it sends no messages and reads no extension storage.
// The entity tagger is a second script (entities.ts), so the popup can show the article before
// the tagger and its data are even loaded; it reads the article kept here.
const g = globalThis as { __siftContent?: ContentApi };

/** The article of this document's last reading, for the entity script. */
let last: { article: Article; url: string } | null = null;

function extract(req: ContentRequest): ExtractOutcome {
  const type = document.contentType;
  if (type && !/html|xml/i.test(type)) {
    return { ok: false, error: { code: 'not-html', message: `This is not a web page (${type}).` } };
  }
  try {
    const out = runArticleStage(document, { url: location.href, force: req.force, budget: DEFAULT_BUDGET });
    // The result travels as a message twice (to the worker, then to the popup): refuse it here,
    // with a clear reason, rather than let the browser drop it.
    const big = out.ok ? checkResultSize(out, DEFAULT_BUDGET) : null;
    if (big) return { ok: false, error: big };
    last = out.ok && out.article ? { article: out.article, url: location.href } : null;
    return out;
  } catch (err) {
    const budget = budgetErrorFrom(err);
    if (budget) return { ok: false, error: budget };
    return { ok: false, error: { code: 'failed', message: String((err as Error)?.message ?? err) } };
  }
}

if (!g.__siftContent || g.__siftContent.version !== CONTENT_API_VERSION) {
  g.__siftContent = { version: CONTENT_API_VERSION, extract, lastArticle: () => last };
}
