// Russian (and the other Cyrillic languages) inflect names: one text writes "Путин", "Путина",
// "Путину" and "Москва", "Москвы", "в Москве". These are one thing named, listed once, under the
// form a reader looks up: the nominative, when the text writes it. Never a form the text does not
// write: the name is picked from the forms found, not built.
import { stemMatch } from './cased-fallback.ts';

const CYRILLIC_NAME = /^[\p{Script=Cyrillic}\s.'’-]+$/u;
// Adjective endings of the nominative ("Следственный", "Государственная", "Центральное") and of
// the other cases ("Следственного", "Государственной").
const ADJ_NOMINATIVE = /(?:ый|ий|ая|яя|ое|ее)$/u;
const ADJ_OBLIQUE = /(?:ого|его|ому|ему|ым|им|ых|их|ую|юю|ыми|ими)$/u;
const FEMININE = /[ая]$/u;

const wordsOf = (name: string): string[] => name.split(/\s+/u);

/** Whether two names are case forms of one another, word by word ("Владимира Путина" / "Владимир Путин"). */
export function caseForms(a: string, b: string): boolean {
  if (a === b || !CYRILLIC_NAME.test(a) || !CYRILLIC_NAME.test(b)) return false;
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.length !== wb.length) return false;
  return wa.every((w, i) => {
    const v = wb[i]!;
    // Both capitalised or both not: "Москва" and "москва" are no forms of one name.
    if (/^\p{Lu}/u.test(w) !== /^\p{Lu}/u.test(v)) return false;
    return stemMatch(w, v, true) || stemMatch(v, w, true);
  });
}

/**
 * Links the Cyrillic names of one type that are case forms of each other. `union` joins two names
 * into one entity (merge.ts). Names are bucketed by their first four letters: forms share them.
 */
export function linkCaseForms(names: { name: string; type: string }[], union: (a: string, b: string) => void): void {
  const buckets = new Map<string, { name: string; type: string }[]>();
  for (const n of names) {
    if (!CYRILLIC_NAME.test(n.name)) continue;
    const k = `${n.type}:${n.name.slice(0, 4)}`;
    if (!buckets.has(k)) buckets.set(k, []);
    buckets.get(k)!.push(n);
  }
  for (const list of buckets.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) if (caseForms(list[i]!.name, list[j]!.name)) union(list[i]!.name, list[j]!.name);
    }
  }
}

/** The nominative among one word's forms, or null when the forms do not tell. */
function nominativeWord(forms: string[]): string | null {
  const distinct = [...new Set(forms)];
  if (distinct.length === 1) return distinct[0]!;
  // The bare stem, which every other form extends: "Путин" (Путина, Путину), "комитет".
  const prefix = distinct.find((f) => distinct.every((g) => g.startsWith(f)));
  if (prefix) return prefix;
  const adjectives = distinct.filter((f) => ADJ_NOMINATIVE.test(f) && !ADJ_OBLIQUE.test(f));
  if (adjectives.length === 1 && distinct.some((f) => ADJ_OBLIQUE.test(f))) return adjectives[0]!;
  // Nouns in -а/-я: "Москва" (Москвы, Москве, Москву), "Бавария", "Иванова" (Ивановой).
  const feminine = distinct.filter((f) => FEMININE.test(f));
  return feminine.length === 1 ? feminine[0]! : null;
}

/**
 * The form to list a group of case forms under: the one whose words are each word's nominative
 * (the most of them; ties to the more frequent form). Null when the forms are not all Cyrillic
 * case forms of one name of the same length: the caller's own choice stands.
 */
export function nominativeOf(forms: [string, number][]): string | null {
  if (forms.length < 2 || !forms.every(([f]) => CYRILLIC_NAME.test(f))) return null;
  const split = forms.map(([f, n]) => ({ f, n, w: wordsOf(f) }));
  const len = split[0]!.w.length;
  if (!split.every((s) => s.w.length === len)) return null;
  const best = Array.from({ length: len }, (_, i) => nominativeWord(split.map((s) => s.w[i]!)));
  if (best.every((b) => b === null)) return null;
  const score = (s: { w: string[] }): number => s.w.filter((w, i) => w === best[i]).length;
  split.sort((a, b) => score(b) - score(a) || b.n - a.n);
  return split[0]!.f;
}
