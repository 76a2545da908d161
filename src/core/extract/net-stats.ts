// What the safety net measures of a text (safety-net.ts): its size, its lines, and how much of it
// is running text (paragraph lines) rather than labels, menu items or widget lines.
import { weightedLength } from './readable.ts';

/** A line this long (CJK weighted) is running text, not a label or a menu item (readable.ts). */
const PARAGRAPH = 80;

export interface TextStats {
  /** Visible characters (no whitespace). */
  chars: number;
  lines: number;
  /** Weighted characters in paragraph lines, and how many such lines. */
  paraChars: number;
  paras: number;
  /** The lines, whitespace collapsed, for the overlap. */
  lineList: string[];
}

export function textStats(text: string): TextStats {
  const lineList = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  let chars = 0;
  let paraChars = 0;
  let paras = 0;
  for (const l of lineList) {
    const c = l.replace(/ /g, '').length;
    chars += c;
    const w = weightedLength(l);
    if (w >= PARAGRAPH) {
      paraChars += w;
      paras++;
    }
  }
  return { chars, lines: lineList.length, paraChars, paras, lineList };
}

/** Share (by characters) of a's lines that the text b holds (whitespace collapsed in both). */
export function covered(a: TextStats, b: string): number {
  if (!a.chars) return 0;
  const flat = b.replace(/[^\S\n]+/g, ' ');
  let hit = 0;
  for (const l of a.lineList) if (flat.includes(l)) hit += l.replace(/ /g, '').length;
  return hit / a.chars;
}
