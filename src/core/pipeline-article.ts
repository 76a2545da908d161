import type { ExtractOutcome } from './types.ts';
import { extractArticle } from './extract/index.ts';
import { budgetErrorFrom, checkDocument, type Budget } from './budget.ts';

// The first half of the pipeline, on its own so that a bundle can hold it without the entity
// tagger and its data: the popup shows the article from this, and the names follow
// (pipeline-entities.ts, injected as a second script).

export interface ArticleStageOptions {
  url?: string;
  force?: boolean;
  now?: () => number;
  /** Limits for hostile or pathological pages (core/budget.ts); the content script always sets them. */
  budget?: Budget;
}

/** Clean the page: the article and whether it is one, with no entities yet. */
export function runArticleStage(doc: Document, options: ArticleStageOptions = {}): ExtractOutcome {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const budget = options.budget;
  const over = budget ? checkDocument(doc, budget) : null;
  if (over) return { ok: false, error: over };
  try {
    const { article, readability } = extractArticle(doc, { url: options.url, force: options.force, maxElemsToParse: budget?.maxElements });
    return { ok: true, article, readability, entities: [], timings: { extractMs: now() - t0, entitiesMs: 0 } };
  } catch (err) {
    // The safety net lets only the budget's refusals through; anything else is a bug, and still
    // comes back as an answer rather than an exception in the page or a lost batch line.
    return { ok: false, error: budgetErrorFrom(err) ?? { code: 'failed', message: String((err as Error)?.message ?? err) } };
  }
}
