import { CJK_CHAR } from '../text/scripts.ts';

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

export interface FormHit {
  start: number;
  end: number;
  form: string;
}

/**
 * Finds every mention of a set of forms, longest form first at each position, without
 * overlaps. Forms that start or end with a letter of a spaced script must not touch other
 * letters (so "Iran" is not found in "Iranian"); CJK forms match anywhere, as CJK text has no
 * spaces between words. One Map lookup per position: no giant regular expression to compile.
 */
export class FormIndex {
  // Keyed by the first UTF-16 unit's code: a number key, no one-character string per position.
  private readonly byFirst = new Map<number, string[]>();

  constructor(forms: Iterable<string>) {
    for (const f of new Set(forms)) {
      if (!f) continue;
      const k = f.charCodeAt(0);
      if (!this.byFirst.has(k)) this.byFirst.set(k, []);
      this.byFirst.get(k)!.push(f);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.byFirst.size;
  }

  find(text: string): FormHit[] {
    const out: FormHit[] = [];
    for (let i = 0; i < text.length; ) {
      const list = this.byFirst.get(text.charCodeAt(i));
      let hit: string | null = null;
      if (list) {
        for (const f of list) {
          if (text.startsWith(f, i) && bounded(text, i, i + f.length, f)) {
            hit = f;
            break;
          }
        }
      }
      if (hit) {
        out.push({ start: i, end: i + hit.length, form: hit });
        i += hit.length;
      } else i++;
    }
    return out;
  }
}

function spacedLetter(ch: string | undefined): boolean {
  return !!ch && WORD_CHAR.test(ch) && !CJK_CHAR.test(ch);
}

function bounded(text: string, start: number, end: number, form: string): boolean {
  if (spacedLetter(form[0]) && spacedLetter(text[start - 1])) return false;
  if (spacedLetter(form[form.length - 1]) && spacedLetter(text[end])) return false;
  return true;
}

