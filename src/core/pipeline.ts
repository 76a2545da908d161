import type { Entity, ExtractOutcome } from './types.ts';
import { extractArticle } from './extract/index.ts';
import { findEntities } from './entities/index.ts';
import { checkBeforeEntities, checkDocument, Deadline, forEntities, type Budget } from './budget.ts';

export interface PipelineOptions {
  url?: string;
  force?: boolean;
  /** Skip the entity layers (benchmarks of extraction alone). */
  entities?: boolean;
  uiLang?: string;
  now?: () => number;
  /** Limits for hostile or pathological pages (core/budget.ts); the content script always sets them. */
  budget?: Budget;
}

/** Clean the page and tag its entities: the whole of what the content script and the CLI do. */
export function runPipeline(doc: Document, options: PipelineOptions = {}): ExtractOutcome {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const budget = options.budget;
  const over = budget ? checkDocument(doc, budget) : null;
  if (over) return { ok: false, error: over };
  const deadline = budget ? new Deadline(budget.timeMs, now) : null;
  const { article, readability } = extractArticle(doc, { url: options.url, force: options.force, maxElemsToParse: budget?.maxElements });
  const t1 = now();
  const late = deadline && budget ? checkBeforeEntities(article, deadline, budget) : null;
  if (late) return { ok: false, error: late };
  let entities: Entity[] = [];
  if (article && options.entities !== false) {
    entities = findEntities({ doc, article: forEntities(article, budget), uiLang: options.uiLang });
  }
  const t2 = now();
  return { ok: true, article, readability, entities, timings: { extractMs: t1 - t0, entitiesMs: t2 - t1 } };
}
