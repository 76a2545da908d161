import type { ExtractOutcome } from '../core/types.ts';
import type { ContentRequest } from '../content/api.ts';
import { packsForArticle } from '../core/entities/packs-for-article.ts';
import { readArticleTab, TIMEOUT_MS } from './read-article.ts';

// The worker's way to read a tab (quick save, capture, page.extract): read-article.ts, with the
// names' packs chosen here from the article the page handed back, by the language the tagger
// detects (packsForArticle; the page's lang attribute is often the site's), so a Polish or
// Russian page loads no English model.

export { TIMEOUT_MS };

/** Inject the content script into the tab (on demand, under activeTab) and run the pipeline there. */
export function extractTab(tabId: number, req: ContentRequest, timeoutMs = TIMEOUT_MS): Promise<ExtractOutcome> {
  return readArticleTab(tabId, req, timeoutMs, { choosePacks: packsForArticle });
}
