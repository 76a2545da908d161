import type { Article, Entity } from './types.ts';
import { findNamesAndTags, type NamesAndTags } from './entities/index.ts';
import { forEntities, type Budget } from './budget.ts';

export interface EntityStageOptions {
  uiLang?: string;
  budget?: Budget;
}

/** Tag the names of a cleaned article; `doc` is the page it came from (its tag links and metadata). */
export function runEntityStage(doc: Document | null, article: Article, options: EntityStageOptions = {}): Entity[] {
  return runNamesStage(doc, article, options).entities;
}

/** The names, and the page's own tags that are not among them ("Tags on the page"). */
export function runNamesStage(doc: Document | null, article: Article, options: EntityStageOptions = {}): NamesAndTags {
  return findNamesAndTags({ doc, article: forEntities(article, options.budget), uiLang: options.uiLang });
}
