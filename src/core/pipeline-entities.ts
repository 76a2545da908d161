import type { Article, Entity } from './types.ts';
import { findEntities } from './entities/index.ts';
import { forEntities, type Budget } from './budget.ts';

export interface EntityStageOptions {
  uiLang?: string;
  budget?: Budget;
}

/** Tag the names of a cleaned article; `doc` is the page it came from (its tag links and metadata). */
export function runEntityStage(doc: Document | null, article: Article, options: EntityStageOptions = {}): Entity[] {
  return findEntities({ doc, article: forEntities(article, options.budget), uiLang: options.uiLang });
}
