// Junk checks of bench:entity-junk that need a language's words (since the fourth audit), all
// read from the name alone and from outside the tagger's own evidence:
// - 'date': a date read as a name: a month or weekday name (the engine's own CLDR names,
//   Intl.DateTimeFormat, in the page's language and English) with a number ("März 2014",
//   "8. Mai 1945"), or on German pages a month or weekday alone ("Mai"); English "May" alone
//   may be a surname, so only numbers make it a date there.
// - 'dict-word': a one-word name that the page language's Debian word list (wamerican, wfrench,
//   wportuguese, wdutch; not German, where every noun is capitalised: 'de-common' judges those)
//   holds in lower case only ("Magazines", "Cut"), not capitalised as the lists write proper
//   nouns ("Christianity", "Norway"). Acronyms in capitals are not judged ("PHP").
import { existsSync, readFileSync } from 'node:fs';

const DICTS: Record<string, string> = {
  en: '/usr/share/dict/american-english',
  fr: '/usr/share/dict/french',
  pt: '/usr/share/dict/portuguese',
  nl: '/usr/share/dict/dutch',
};
const dicts = new Map<string, Set<string> | null>();
function dictOf(lang: string): Set<string> | null {
  if (!dicts.has(lang)) {
    const f = DICTS[lang];
    dicts.set(lang, f && existsSync(f) ? new Set(readFileSync(f, 'utf8').split('\n').map((w) => w.trim()).filter(Boolean)) : null);
  }
  return dicts.get(lang)!;
}
/** The languages whose word list is installed (the bench says which were missing). */
export const missingWordLists = (): string[] => Object.entries(DICTS).filter(([, f]) => !existsSync(f)).map(([l]) => l);

const calendars = new Map<string, Set<string>>();
function calendarWords(lang: string): Set<string> {
  let out = calendars.get(lang);
  if (out) return out;
  out = new Set();
  for (const l of new Set([lang, 'en'])) {
    for (const [opt, n] of [[{ month: 'long' }, 12], [{ month: 'short' }, 12], [{ weekday: 'long' }, 7]] as const) {
      let fmt: Intl.DateTimeFormat;
      try {
        fmt = new Intl.DateTimeFormat(l, { ...opt, timeZone: 'UTC' });
      } catch {
        continue;
      }
      for (let i = 0; i < n; i++) {
        const d = 'month' in opt ? new Date(Date.UTC(2021, i, 15)) : new Date(Date.UTC(2021, 1, i + 1));
        const w = fmt.format(d).toLowerCase().replace(/\.$/, '');
        if (w.length >= 3) out.add(w);
      }
    }
  }
  calendars.set(lang, out);
  return out;
}

/** The word-list kinds of junk one name shows. */
export function wordKinds(name: string, type: string, lang: string): string[] {
  if (type === 'topic') return [];
  const kinds: string[] = [];
  const words = name.toLowerCase().match(/\p{L}+/gu) ?? [];
  const cal = calendarWords(lang);
  if (words.some((w) => cal.has(w)) && (/\p{N}/u.test(name) || (lang === 'de' && words.length === 1))) kinds.push('date');
  const dict = dictOf(lang);
  if (dict && /^\p{Lu}\p{Ll}+$/u.test(name) && !dict.has(name) && dict.has(name.toLowerCase())) kinds.push('dict-word');
  return kinds;
}
