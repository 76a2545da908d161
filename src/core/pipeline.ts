import type { Entity, ExtractOutcome } from './types.ts';
import { extractArticle } from './extract/index.ts';
import { findEntities } from './entities/index.ts';

export interface PipelineOptions {
  url?: string;
  force?: boolean;
  /** Skip the entity layers (benchmarks of extraction alone). */
  entities?: boolean;
  uiLang?: string;
  now?: () => number;
}

/** Clean the page and tag its entities: the whole of what the content script and the CLI do. */
export function runPipeline(doc: Document, options: PipelineOptions = {}): ExtractOutcome {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const { article, readability } = extractArticle(doc, { url: options.url, force: options.force });
  const t1 = now();
  let entities: Entity[] = [];
  if (article && options.entities !== false) {
    entities = findEntities({ doc, article, uiLang: options.uiLang });
  }
  const t2 = now();
  return { ok: true, article, readability, entities, timings: { extractMs: t1 - t0, entitiesMs: t2 - t1 } };
}
