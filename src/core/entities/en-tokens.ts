// Tokens of spaced (Latin, Cyrillic, Greek...) text with their offsets. The same tokenizer cuts
// the training text (scripts/train-entities.ts) and the article, so features mean the same thing.

export interface Token {
  text: string;
  start: number;
  end: number;
}

// A word: letters/digits joined by - & . or an apostrophe that is not the possessive 's;
// a @handle or #tag; a URL; else any single non-space character.
const TOKEN =
  /https?:\/\/\S+|[@#][\p{L}\p{N}_]+|[\p{L}\p{M}\p{N}]+(?:(?:[-&.]|['’](?![sS](?![\p{L}\p{M}\p{N}])))[\p{L}\p{M}\p{N}]+)*|\S/gu;

// A period after these belongs to the word ("Dr. Dre", "John F. Kennedy", "U.S."), not to the
// sentence.
const ABBREV = /^(?:[A-Z]|[A-Z](?:\.[A-Z])+|Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Lt|Sgt|Capt|Rev|Gov|Sen|Rep|Mt|Ft|Inc|Ltd|Co|Corp|Bros|Ave|No|Nos|Messrs)$/;

/** Tokens of one line (callers split text into lines: sentences or blocks). */
export function tokenize(line: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of line.matchAll(TOKEN)) {
    let text = m[0];
    let end = m.index! + text.length;
    if (line.charCodeAt(end) === 46 /* . */ && ABBREV.test(text)) {
      text += '.';
      end++;
    }
    const prev = out[out.length - 1];
    // The abbreviation took the period the regex also found as a token of its own.
    if (prev && prev.end > m.index! + offset) continue;
    out.push({ text, start: m.index! + offset, end: end + offset });
  }
  return out;
}
