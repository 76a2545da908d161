// The safety net as two small logistic models, tried 2026-12-07 (bench/tune-net.ts): a gate from
// our own result and the probe (is Readability likely to do better here?) and a choice between
// both texts once Readability has run. Fitted leave-one-set-out on the pool samples they did not
// beat the paragraph rule of safety-net.ts (see the README), so the product does not use them;
// they stay here, with their features, for the next try with more pages.
import type { NetProbe } from '../../src/core/extract/safety-net.ts';
import { covered, type TextStats } from '../../src/core/extract/net-stats.ts';

const ln = (x: number): number => Math.log1p(Math.max(0, x));
const ratio = (a: number, b: number, cap = 4): number => (b > 0 ? Math.min(cap, a / b) : cap);

/** The gate's features: our result alone, against what the page held before we cleaned it. */
export function gateFeatures(ours: TextStats, probe: NetProbe): number[] {
  return [
    ln(ours.chars) / 10,
    ours.chars ? ours.paraChars / Math.max(ours.chars, ours.paraChars) : 0,
    ratio(ours.chars, probe.homeChars, 2),
    ratio(ours.paraChars, probe.homeChars, 2),
    ratio(ours.chars, probe.containerChars, 2),
    probe.linkShare,
    ln(ours.lines) / 5,
    ln(probe.homeChars) / 10,
  ];
}


/** The choice's features: both results side by side (positive weights favour Readability's). */
export function choiceFeatures(ours: TextStats, plain: TextStats, probe: NetProbe, plainLinkShare: number): number[] {
  const oursFlat = ours.lineList.join('\n');
  const plainFlat = plain.lineList.join('\n');
  return [
    Math.log((plain.chars + 1) / (ours.chars + 1)),
    Math.log((plain.paraChars + 1) / (ours.paraChars + 1)),
    covered(ours, plainFlat),
    covered(plain, oursFlat),
    plainLinkShare,
    ratio(plain.chars, probe.homeChars, 3),
    ratio(ours.chars, probe.homeChars, 3),
    plain.chars ? plain.paraChars / Math.max(plain.chars, plain.paraChars) : 0,
    ours.chars ? ours.paraChars / Math.max(ours.chars, ours.paraChars) : 0,
  ];
}

export interface Logistic {
  /** Weights, one per feature, then the bias. */
  w: readonly number[];
  /** Decide yes above this probability. */
  threshold: number;
}

export function probability(m: Logistic, x: readonly number[]): number {
  let z = m.w[x.length] ?? 0;
  for (let i = 0; i < x.length; i++) z += (m.w[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
