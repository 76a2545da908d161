// Per-language, per-type floors on a model span's score (the mean margin of its label over O,
// tagger.ts labelSpans): spans the pack is less sure of are dropped. For the precision-first
// packs (de, fr, nl, pt: a wrong name costs more than a missed one), chosen by the sweep of
// bench/entities-thresholds.ts on the dev sets (never trained on them); figures in README
// "Entity models". A language or type not listed keeps every span.
import type { NameType } from './tagger.ts';

export type Floors = Partial<Record<NameType, number>>;

// Each pack's floors at one quantile of its own span scores on its WikiANN dev set (all three
// types at once): the smallest quantile that brings typed precision over 0.80 with room to spare
// while typed F1 stays at or above what it was without floors and the 'word2' retraining
// (de 0.733, fr 0.686, nl 0.765, pt 0.731). A span whose capitalised words the text repeats is
// kept whatever its score (registry.ts). German: persons at the 0.1 quantile, places and
// organisations at 0.2, so that a person named once in news prose ("Karsten Berning", 10.3) stays.
// Measured, typed P / F1 before -> after the floors:
//   de:           wikiann-de-dev 0.754 / 0.748 -> 0.810 / 0.735; germeval-de-dev 0.356 / 0.429 -> 0.483 / 0.446
//   fr (q 0.15):  wikiann-fr-dev 0.778 / 0.767 -> 0.809 / 0.735
//   nl (q 0.05):  wikiann-nl-dev 0.803 / 0.794 -> 0.815 / 0.787
//   pt (q 0.05):  wikiann-pt-dev 0.811 / 0.811 -> 0.824 / 0.805
// They belong to the committed weights: retraining a pack means sweeping again.
// zh: a span whose characters score its label below O on average (mean margin < 0: Viterbi took
// it for the transitions) is dropped. The 12-epoch pack runs long names and over-reads
// organisations without it; measured (typed P / F1): peoplesdaily-zh-dev 0.669 / 0.677 -> 0.725 /
// 0.692, cluener-zh-dev 0.628 / 0.677 -> 0.656 / 0.680 (quantile floors 0.05-0.2 gave 0.684-0.690
// and 0.680-0.685: 0 sits among them with no fitting).
export const MIN_SCORE: Record<string, Floors> = {
  zh: { person: 0, place: 0, organization: 0 },
  de: { person: 5.34, place: 4.49, organization: 5.537 },
  fr: { person: 36.917, place: 22.804, organization: 36.26 },
  nl: { person: 25.18, place: 15.108, organization: 14.614 },
  pt: { person: 29.536, place: 29.152, organization: 36.221 },
};
