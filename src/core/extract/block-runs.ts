// Passes over the whole run of blocks, after each block was judged alone (block-filter.ts):
// where the article ends (a closing disclaimer), "related" sections after it, and
// headings left over nothing.
import type { Block } from './block-filter.ts';
import { DISCLAIMER, LABEL_LINE, SECTION_LABEL } from './phrases.ts';

export const HEADING = /^H[1-6]$/;
export const SHORT_WORDS = 12;
export const LONG_WORDS = 25;
const SENTENCE_END = /[.!?。！？]['"’”»)]?$/u;
const TRIM = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

export function isLabel(text: string): boolean {
  const t = text.replace(TRIM, '').replace(/\s+/g, ' ');
  return t.length > 0 && LABEL_LINE.test(t);
}

/**
 * A disclaimer in the last part of the page opens the footer: it and all after it go. One right
 * after the article's last paragraph (a short story over a long footer) ends the article: what
 * follows it goes; the notice itself, which speaks of this article, stays.
 */
export function dropClosingBoilerplate(blocks: Block[]): void {
  if (dropLabelledNotice(blocks)) return;
  const from = Math.floor(blocks.length / 2);
  let lastProse = -1;
  for (let i = blocks.length - 1; i >= 0 && lastProse < 0; i--) {
    const b = blocks[i]!;
    const prose = b.tag !== 'TABLE' && b.tag !== 'PRE' && /[.。!?！？,，;；]/u.test(b.text);
    if (!b.caption && prose && b.words >= LONG_WORDS && b.linkShare < 0.5 && !DISCLAIMER.test(b.text)) lastProse = i;
  }
  for (let i = Math.min(from, lastProse + 1); i < blocks.length; i++) {
    if (!blocks[i]!.caption && DISCLAIMER.test(blocks[i]!.text)) {
      for (let j = i >= from ? i : i + 1; j < blocks.length; j++) blocks[j]!.drop = true;
      return;
    }
  }
}

/**
 * A notice's bare heading ("声明：", "新華網版權與免責聲明：", "Disclaimer") with the notice under it:
 * where more of the text stands before it than after, it opens the footer wherever it is.
 */
function dropLabelledNotice(blocks: Block[]): boolean {
  let after = 0;
  for (const b of blocks) if (!b.drop && !b.caption) after += b.words;
  let before = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.drop || b.caption) continue;
    after -= b.words;
    if (b.words <= 8 && before >= after && before > 0 && DISCLAIMER.test(b.text)) {
      for (let j = i; j < blocks.length; j++) blocks[j]!.drop = true;
      return true;
    }
    before += b.words;
  }
  return false;
}

/**
 * "Related", "More from...": after the article has begun, the links and short lines under such
 * a label go with it, up to the next heading or the next paragraph of prose.
 */
export function dropLabelledSections(blocks: Block[], firstLong: number): void {
  for (let i = Math.max(firstLong, 0) + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.words > SHORT_WORDS || !SECTION_LABEL.test(b.text.replace(TRIM, '').replace(/\s+/g, ' '))) continue;
    b.drop = true;
    for (let j = i + 1; j < blocks.length; j++) {
      const n = blocks[j]!;
      if (HEADING.test(n.tag) || (n.linkShare < 0.3 && n.words > LONG_WORDS)) break;
      if (n.linkShare >= 0.3 || n.words <= LONG_WORDS) n.drop = true;
      i = j;
    }
  }
}

/** Headings over nothing (everything under them dropped, or the end of the article) go too. */
export function dropOrphanHeadings(blocks: Block[]): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.drop || !HEADING.test(b.tag)) continue;
    let kept = 0;
    let dropped = 0;
    for (let j = i + 1; j < blocks.length && !HEADING.test(blocks[j]!.tag); j++) {
      if (blocks[j]!.drop) dropped++;
      else if (!blocks[j]!.caption) kept++;
    }
    // A closing "heading" written as a full sentence is a styled paragraph, not a section title.
    const last = i === blocks.length - 1 && !(b.words >= 6 && SENTENCE_END.test(b.text));
    if (kept === 0 && (dropped > 0 || last || isLabel(b.text))) b.drop = true;
    else if (isLabel(b.text) && b.linkShare >= 0.5) b.drop = true;
  }
}
