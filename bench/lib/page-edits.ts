// Realistic changes between two savings of the same page, applied to an article's text with a
// record of where every old offset went, so a benchmark knows the true place of each passage.
//   paragraph inserted   a paragraph from another article, between two paragraphs
//   sentence reworded    words of one sentence changed, dropped, swapped or added
//   ads                  short advertising lines between paragraphs
//   whitespace           two paragraphs joined, one split, spaces added around CJK text

export type Rng = () => number;

/** mulberry32: small, seeded, good enough to pick positions. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

interface Op {
  at: number;
  removed: number;
  inserted: number;
}

/** A text being edited, remembering each replacement to map old offsets to new ones. */
export class EditedText {
  text: string;
  private readonly ops: Op[] = [];
  constructor(text: string) {
    this.text = text;
  }
  replace(at: number, removed: number, insert: string): void {
    this.text = this.text.slice(0, at) + insert + this.text.slice(at + removed);
    this.ops.push({ at, removed, inserted: insert.length });
  }
  /** Where an old offset is now; inside a replaced stretch, its start (side 'start') or end. */
  map(pos: number, side: 'start' | 'end'): number {
    let p = pos;
    for (const op of this.ops) {
      if (op.removed === 0) {
        // Text inserted at p comes after a passage ending at p, before one starting at p.
        if (p > op.at || (p === op.at && side === 'start')) p += op.inserted;
      } else if (p >= op.at + op.removed) p += op.inserted - op.removed;
      else if (p > op.at) p = side === 'start' ? op.at : op.at + op.inserted;
    }
    return p;
  }
}

const ADS = ['Advertisement', 'ADVERTISEMENT', 'Sponsored content', 'Continue reading below', 'Anzeige', '广告', 'Story continues below advertisement', 'Werbung'];
const FILLER = ['really', 'also', 'now', 'indeed', 'reportedly', 'new', 'later', 'first'];

function paragraphStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

export function insertParagraph(e: EditedText, r: Rng, paragraph: string): void {
  const at = pick(r, paragraphStarts(e.text));
  e.replace(at, 0, `${paragraph}\n`);
}

export function addAds(e: EditedText, r: Rng, n: number): void {
  for (let i = 0; i < n; i++) e.replace(pick(r, paragraphStarts(e.text)), 0, `${pick(r, ADS)}\n`);
}

/** Change a few words of one sentence (or a few characters of a CJK one). */
export function rewordSentence(e: EditedText, r: Rng): void {
  const ends = [...e.text.matchAll(/[^.!?。！？\n]{20,300}[.!?。！？]/gu)];
  if (ends.length === 0) return;
  const m = pick(r, ends);
  const s = m.index;
  const sentence = m[0];
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sentence);
  // Edit from the end backwards so earlier offsets stay valid.
  const spots: { at: number; len: number; insert: string }[] = [];
  if (cjk) {
    for (let i = 0; i < 2; i++) {
      const at = Math.floor(r() * (sentence.length - 2));
      spots.push({ at, len: r() < 0.5 ? 1 : 0, insert: pick(r, ['的', '了', '也', '将', '曾']) });
    }
  } else {
    const words = [...sentence.matchAll(/\p{L}+/gu)];
    for (let i = 0; i < Math.max(1, Math.round(words.length * 0.15)); i++) {
      const w = pick(r, words);
      const kind = r();
      spots.push(kind < 0.4
        ? { at: w.index, len: w[0].length, insert: pick(r, FILLER) }
        : kind < 0.7 ? { at: w.index, len: w[0].length + 1, insert: '' } : { at: w.index, len: 0, insert: `${pick(r, FILLER)} ` });
    }
  }
  spots.sort((a, b) => b.at - a.at);
  let floor = Infinity;
  for (const sp of spots) {
    if (sp.at + sp.len > floor) continue;
    e.replace(s + sp.at, Math.min(sp.len, sentence.length - sp.at), sp.insert);
    floor = sp.at;
  }
}

export function changeWhitespace(e: EditedText, r: Rng): void {
  const breaks = [...e.text.matchAll(/\n/g)].map((m) => m.index);
  if (breaks.length) e.replace(pick(r, breaks), 1, ' ');
  const spaces = [...e.text.matchAll(/[.!?] (?=\p{Lu})/gu)].map((m) => m.index + 1);
  if (spaces.length) e.replace(pick(r, spaces), 1, '\n');
  // Spaces between CJK and Latin letters or digits, as some sites and some cleaners write them.
  const mixed = [...e.text.matchAll(/[\p{Script=Han}](?=[A-Za-z0-9])|[A-Za-z0-9](?=[\p{Script=Han}])/gu)].map((m) => m.index + 1);
  for (const at of mixed.reverse().slice(0, 20)) e.replace(at, 0, ' ');
}
