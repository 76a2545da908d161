import { runNamesStage } from '../core/pipeline-entities.ts';
import { packsForArticle } from '../core/entities/index.ts';
import { DEFAULT_BUDGET } from '../core/budget.ts';
import { CONTENT_API_VERSION, type ContentApi, type EntitiesApi, type EntitiesOutcome, type EntitiesRequest } from './api.ts';

// The second content script: tags the names of the article that index.ts extracted from this
// same document (kept in the isolated world between the two injections). Like index.ts, it only
// hands back a result and installs itself once.
const g = globalThis as { __siftContent?: ContentApi; __siftEntities?: EntitiesApi };

function find(req: EntitiesRequest): EntitiesOutcome {
  const last = g.__siftContent?.lastArticle();
  // No article kept: the document was replaced since it was read.
  if (!last || last.url.replace(/#.*$/, '') !== location.href.replace(/#.*$/, '')) {
    return { ok: false, error: { code: 'navigated', message: 'The page changed while Sift was reading it.' } };
  }
  const t0 = performance.now();
  try {
    const { entities, pageTags } = runNamesStage(document, last.article, { uiLang: req.uiLang, budget: DEFAULT_BUDGET });
    return { ok: true, entities, pageTags, ms: performance.now() - t0 };
  } catch (err) {
    return { ok: false, error: { code: 'failed', message: String((err as Error)?.message ?? err) } };
  }
}

/** The packs of the article kept by index.ts; its language is detected here, as the tagger will. */
function packs(): string[] {
  const last = g.__siftContent?.lastArticle();
  return last ? packsForArticle(last.article) : [];
}

if (!g.__siftEntities || g.__siftEntities.version !== CONTENT_API_VERSION) {
  g.__siftEntities = { version: CONTENT_API_VERSION, find, packs };
}
