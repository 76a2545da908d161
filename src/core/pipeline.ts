import type { ExtractOutcome } from './types.ts';
import { checkBeforeEntities, Deadline } from './budget.ts';
import { runArticleStage, type ArticleStageOptions } from './pipeline-article.ts';
import { runNamesStage } from './pipeline-entities.ts';

export interface PipelineOptions extends ArticleStageOptions {
  /** Skip the entity layers (benchmarks of extraction alone). */
  entities?: boolean;
  uiLang?: string;
}

/** Clean the page and tag its entities: the whole of what the content scripts and the CLI do. */
export function runPipeline(doc: Document, options: PipelineOptions = {}): ExtractOutcome {
  const now = options.now ?? (() => performance.now());
  const budget = options.budget;
  const deadline = budget ? new Deadline(budget.timeMs, now) : null;
  const out = runArticleStage(doc, { url: options.url, force: options.force, now, budget });
  if (!out.ok) return out;
  const late = deadline && budget ? checkBeforeEntities(out.article, deadline, budget) : null;
  if (late) return { ok: false, error: late };
  if (!out.article || options.entities === false) return out;
  const t1 = now();
  let entities: typeof out.entities = [];
  let pageTags: string[] = [];
  try {
    ({ entities, pageTags } = runNamesStage(doc, out.article, { uiLang: options.uiLang, budget }));
  } catch {
    // A fault in the tagger must not cost the user the article: it comes back without names.
  }
  return { ...out, entities, pageTags, timings: { ...out.timings, entitiesMs: now() - t1 } };
}
