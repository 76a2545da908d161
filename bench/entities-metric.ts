// The document-level entity metric of ../shared/bench/ner-dev/README.md, implemented to the
// letter: normalise, merge predictions, match names or aliases, leave predictions about ignored
// spans unscored, micro-average counts over documents.

export const SCORED_TYPES = ['person', 'place', 'organization'] as const;
export type ScoredType = (typeof SCORED_TYPES)[number];

export interface GoldDoc {
  id: string;
  text: string;
  entities: { start: number; end: number; type: string; name: string }[];
  ignored?: { start: number; end: number; label?: string; name: string }[];
}

export interface Prediction {
  name: string;
  type: string;
  aliases?: string[];
}

export interface Counts {
  matchedPred: number;
  scoredPred: number;
  matchedGold: number;
  gold: number;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export function normalize(s: string): string {
  const n = s.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return n.startsWith('the ') ? n.slice(4) : n;
}

export function emptyCounts(): Counts {
  return { matchedPred: 0, scoredPred: 0, matchedGold: 0, gold: 0 };
}

export function addCounts(a: Counts, b: Counts): void {
  a.matchedPred += b.matchedPred;
  a.scoredPred += b.scoredPred;
  a.matchedGold += b.matchedGold;
  a.gold += b.gold;
}

export function prf(c: Counts): Prf {
  const p = c.scoredPred ? c.matchedPred / c.scoredPred : 0;
  const r = c.gold ? c.matchedGold / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

interface Merged {
  name: string;
  type: string | null;
  forms: string[];
  /** Normalised name and aliases. */
  norms: Set<string>;
}

/** Step 3: drop unscored types, merge predictions by normalised name (and type when typed). */
function mergePredictions(preds: Prediction[], typed: boolean, onlyType: string | null): Merged[] {
  const byKey = new Map<string, Merged>();
  for (const p of preds) {
    if (!(SCORED_TYPES as readonly string[]).includes(p.type)) continue;
    if (onlyType && p.type !== onlyType) continue;
    const key = typed ? `${p.type}\u0000${normalize(p.name)}` : normalize(p.name);
    let m = byKey.get(key);
    if (!m) {
      m = { name: p.name, type: typed ? p.type : null, forms: [], norms: new Set() };
      byKey.set(key, m);
    }
    for (const f of [p.name, ...(p.aliases ?? [])]) {
      m.forms.push(f);
      m.norms.add(normalize(f));
    }
  }
  return [...byKey.values()];
}

/** Step 5: an unmatched prediction about an ignored span is not scored. */
function isIgnored(m: Merged, doc: GoldDoc, lowerText: string): boolean {
  const ignored = doc.ignored ?? [];
  if (ignored.length === 0) return false;
  const ignoredNames = new Set(ignored.map((i) => normalize(i.name)));
  if ([...m.norms].some((n) => ignoredNames.has(n))) return true;
  let occurrences = 0;
  for (const form of new Set(m.forms.map((f) => f.toLowerCase()))) {
    if (!form) continue;
    for (let at = lowerText.indexOf(form); at >= 0; at = lowerText.indexOf(form, at + 1)) {
      occurrences++;
      const end = at + form.length;
      if (!ignored.some((i) => i.start <= at && end <= i.end)) return false;
    }
  }
  return occurrences > 0;
}

/**
 * Counts for one document. `typed`: (name, type) pairs; `onlyType`: per-type scoring (gold items
 * and predictions of that type only, typed).
 */
export function scoreDoc(doc: GoldDoc, preds: Prediction[], typed: boolean, onlyType: string | null = null): Counts {
  const goldAll = new Map<string, Set<string>>(); // normalised name -> types
  for (const e of doc.entities) {
    const n = normalize(e.name);
    if (!goldAll.has(n)) goldAll.set(n, new Set());
    goldAll.get(n)!.add(e.type);
  }
  const goldItems: { name: string; type: string | null }[] = [];
  for (const [name, types] of goldAll) {
    if (!typed) goldItems.push({ name, type: null });
    else for (const t of types) if (!onlyType || t === onlyType) goldItems.push({ name, type: t });
  }
  const merged = mergePredictions(preds, typed, onlyType);
  const lowerText = doc.text.toLowerCase();
  const goldHit = new Set<number>();
  let matchedPred = 0;
  let scoredPred = 0;
  for (const m of merged) {
    let hit = false;
    goldItems.forEach((g, i) => {
      if (m.norms.has(g.name) && (!typed || g.type === m.type)) {
        hit = true;
        goldHit.add(i);
      }
    });
    if (hit) {
      matchedPred++;
      scoredPred++;
      continue;
    }
    // Typed: a prediction naming a gold item of another type is wrong, never ignored.
    const namesOtherType = typed && [...m.norms].some((n) => goldAll.has(n));
    if (!namesOtherType && isIgnored(m, doc, lowerText)) continue;
    scoredPred++;
  }
  return { matchedPred, scoredPred, matchedGold: goldHit.size, gold: goldItems.length };
}

export interface SetScores {
  docs: number;
  any: Prf & Counts;
  typed: Prf & Counts;
  perType: Record<ScoredType, Prf & Counts>;
}

export function scoreSet(docs: GoldDoc[], predsById: Map<string, Prediction[]>): SetScores {
  const any = emptyCounts();
  const typed = emptyCounts();
  const per = Object.fromEntries(SCORED_TYPES.map((t) => [t, emptyCounts()])) as Record<ScoredType, Counts>;
  for (const doc of docs) {
    const preds = predsById.get(doc.id) ?? [];
    addCounts(any, scoreDoc(doc, preds, false));
    addCounts(typed, scoreDoc(doc, preds, true));
    for (const t of SCORED_TYPES) addCounts(per[t], scoreDoc(doc, preds, true, t));
  }
  const withPrf = (c: Counts) => ({ ...prf(c), ...c });
  return {
    docs: docs.length,
    any: withPrf(any),
    typed: withPrf(typed),
    perType: Object.fromEntries(SCORED_TYPES.map((t) => [t, withPrf(per[t])])) as SetScores['perType'],
  };
}
