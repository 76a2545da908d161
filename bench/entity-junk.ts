// npm run bench:entity-junk -- [--root ../shared/bench] [--sets a,b] [--limit N] [--only IDS.txt] [--dump FILE.jsonl] [--rescore FILE.jsonl]
//   The names panel on real pages: every page of the extraction dev pool goes through the same
//   pipeline as `clean --format json`, and each listed name is checked for the junk a reader sees
//   at a glance (the measure of issue 17). Per language and per set: names per page, names the
//   article never mentions, uncapitalised people/places/organisations in cased scripts, topics made
//   only of function words, one- or two-letter names that are not acronyms, and the junk share.
//   Since the second hand audit, also what that audit found the first measure missed, all read
//   from the name alone: a sentence's end inside the name ("Blicke. Das Gefühl"), a list number
//   before one word ("3. Establish"), stray punctuation at its edge ("Rangers.", "Massaker ("),
//   and on German pages a one-word name with a suffix that makes German common nouns
//   ("Lernfähigkeit", "Teilenergiezähler"), and names typed 'topic' (a page keyword only). Since
//   the third audit, German one-word common nouns without such a suffix ("Frau", "Politik",
//   "Mann"; isGermanCommonNoun below, with Debian's wngerman word list when installed). Since the
//   fourth, dates ("März 2014") and one-word names the page language's word list holds in lower
//   case only ("Magazines"): bench/entity-junk-words.ts.
//   Prints a table, then one JSON object on the last line. --dump writes every page's panel (for
//   the hand audit, bench/entity-junk-audit.ts); --rescore FILE reads such a dump instead of the
//   pages and scores it again with this measure (the 'unmentioned' verdict as stored). --only
//   scores only the pages whose ids (file names without .html.gz) the file lists, one a line or
//   as paths: a quick look at one language's pages.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { franc } from 'franc-min';
import { runPipeline } from '../src/core/pipeline.ts';
import type { Entity } from '../src/core/types.ts';
import { decodeHtml } from '../src/cli/decode.ts';
import { parseHtml, releaseDocument } from '../src/cli/dom.ts';
import { guessLang } from '../src/core/text/scripts.ts';
import { missingWordLists, wordKinds } from './entity-junk-words.ts';
// The language packs, as the CLI and the extension have them (each page loads its own there).
import '../src/core/entities/model/all-packs.ts';

const SETS = ['daniel-dev', 'newsweb-dev', 'zyte-dev', 'trafilatura-dev', 'cjk-dev'];
// The judge's function words come from an outside list (stopwords-iso), not from the tagger's own.
const stopwords = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
const ISO3: Record<string, string> = {
  eng: 'en', rus: 'ru', ell: 'el', pol: 'pl', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', ukr: 'uk',
  ces: 'cs', slk: 'sk', swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', hun: 'hu', ron: 'ro', tur: 'tr', ind: 'id', zlm: 'ms',
  cmn: 'zh', jpn: 'ja', kor: 'ko', arb: 'ar', heb: 'he', bul: 'bg', srp: 'sr', hrv: 'hr', vie: 'vi', cat: 'ca',
};

interface Args {
  root: string;
  sets: string[];
  limit: number;
  dump: string | null;
  rescore: string | null;
  only: Set<string> | null;
}

function argsOf(argv: string[]): Args {
  const out: Args = { root: resolve('../shared/bench'), sets: SETS, limit: Infinity, dump: null, rescore: null, only: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [a, v = ''] = [argv[i]!, argv[i + 1]];
    if (a === '--root') out.root = resolve(v);
    else if (a === '--sets') out.sets = v.split(',');
    else if (a === '--limit') out.limit = Number(v);
    else if (a === '--dump') out.dump = v;
    else if (a === '--rescore') out.rescore = v;
    else if (a === '--only') out.only = new Set((readFileSync(v, 'utf8').match(/[0-9a-f]{12,}|[\w.-]+(?=\.html)/g) ?? []).map((x) => x.replace(/\.html$/, '')));
  }
  return out;
}

/** The page's language for the table: the set's own label, else the script, else franc on the text. */
function pageLang(given: string | undefined, text: string): string {
  if (given) return given;
  const byScript = guessLang(text.slice(0, 5000));
  if (byScript) return byScript;
  const code = franc(text.slice(0, 5000), { minLength: 20 });
  return ISO3[code] ?? (code === 'und' ? 'und' : code);
}

const CASED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}]/u;
const WORD = /[\p{L}\p{N}]+/gu;

function mentioned(e: Entity, haystack: string): boolean {
  if (e.count <= 0) return false;
  return [e.name, ...e.aliases].some((f) => haystack.includes(f));
}

/** The kinds of junk one listed name shows (empty: none of them). */
export function junkKinds(e: Entity, haystack: string, lang: string): string[] {
  const kinds: string[] = [];
  if (!mentioned(e, haystack)) kinds.push('unmentioned');
  const cased = CASED.test(e.name);
  if (cased && e.type !== 'topic' && /^\P{L}*\p{Ll}/u.test(e.name)) kinds.push('lowercase');
  if (e.type === 'topic') {
    const words = e.name.toLowerCase().match(WORD) ?? [];
    const stop = new Set([...(stopwords[lang] ?? []), ...(stopwords.en ?? [])]);
    if (words.length > 0 && words.every((w) => stop.has(w))) kinds.push('function-words');
  }
  const letters = e.name.match(/\p{L}/gu)?.length ?? 0;
  if (cased && letters <= 2 && e.name !== e.name.toUpperCase()) kinds.push('short');
  kinds.push(...shapeKinds(e.name, e.type, lang));
  return kinds;
}

// German common nouns, judged from outside the tagger's evidence: a one-word German name that
// the German training set writes outside names (the tagger's own list, data/de-nouns.json) or
// that heads many compounds of Debian's German word list (wngerman, /usr/share/dict/ngerman:
// "Frau" in 24 longer words, "Politik" in 93; names hardly ever: "Merkel" 0, "Berlin" 1, "Hamburg"
// 0). It overcounts surnames that are also trades ("Fischer", "Bauer"): a conservative judge.
const DE_DICT = '/usr/share/dict/ngerman';
const DE_PLACE_PREFIX = /^(?:nieder|ober|unter|ost|west|nord|süd|südost|südwest|nordost|nordwest|mittel|groß|gross|klein|alt|neu|hoch|bad|sankt|zentral|inner|gesamt|ur)$/u;
let deHeads: string[] | null = null;
const deNouns = new Set(JSON.parse(readFileSync(new URL('../src/core/entities/data/de-nouns.json', import.meta.url), 'utf8')) as string[]);
function compoundCount(word: string): number {
  if (deHeads === null) {
    deHeads = existsSync(DE_DICT) ? [...new Set(readFileSync(DE_DICT, 'utf8').split('\n').map((w) => w.trim().toLowerCase()).filter(Boolean))].map((w) => [...w].reverse().join('')).sort() : [];
  }
  const low = word.toLowerCase();
  const rev = [...low].reverse().join('');
  let lo = 0;
  let hi = deHeads.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (deHeads[mid]! < rev) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  for (let i = lo; i < deHeads.length && deHeads[i]!.startsWith(rev); i++) {
    const prefix = [...deHeads[i]!.slice(rev.length)].reverse().join('');
    if (prefix.length >= 3 && !DE_PLACE_PREFIX.test(prefix)) n++;
  }
  return n;
}
export const deJudgeHasDictionary = (): boolean => existsSync(DE_DICT);
const isGermanCommonNoun = (name: string): boolean => /^\p{Lu}\p{Ll}{2,}$/u.test(name) && (deNouns.has(name) || compoundCount(name) >= 8);

// Abbreviations a name may end with, or have inside before a space ("Gen. Smith", "Acme Inc.").
const ABBREV = /^(?:inc|corp|ltd|co|jr|sr|bros|dept|univ|gov|rep|sen|gen|col|capt|prof|rev|mt|ft|st|ave|dr|mr|mrs|ms|no|nr|vol)$/i;
// Suffixes that make German common nouns (a grammar fact, not the tagger's list).
const DE_NOUN = /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|ismus|nis|nisse|zähler|stand|stoff|flut)$/;

/** The junk a name shows by its shape alone (the second audit's finds). */
export function shapeKinds(name: string, type: string, lang: string): string[] {
  const kinds: string[] = [];
  for (const m of name.matchAll(/([\p{L}\p{N}]+)[)\]"”“’»«]*([.?!:;])\s+\S/gu)) {
    if (m[2] === '.' && (m[1]!.length < 2 || /^\p{Lu}+$/u.test(m[1]!) || ABBREV.test(m[1]!))) continue;
    kinds.push('sentence');
    break;
  }
  if (/^\p{N}+[.)]\s+\S+$/u.test(name)) kinds.push('list-number');
  const open = (name.match(/[(\[]/g) ?? []).length;
  const close = (name.match(/[)\]]/g) ?? []).length;
  const lastWord = /(\p{L}+)\.$/u.exec(name)?.[1];
  if (open !== close || /^[\p{P}\p{S}]|[,;:(\[]$/u.test(name) || (lastWord && lastWord.length >= 3 && /\p{Ll}$/u.test(lastWord) && !ABBREV.test(lastWord))) kinds.push('punctuation');
  if (lang === 'de' && type !== 'topic' && /^\p{Lu}\p{Ll}+$/u.test(name) && DE_NOUN.test(name)) kinds.push('de-noun');
  else if (lang === 'de' && type !== 'topic' && isGermanCommonNoun(name)) kinds.push('de-common');
  if (type === 'topic') kinds.push('topic');
  kinds.push(...wordKinds(name, type, lang));
  return kinds;
}

interface Tally {
  pages: number;
  names: number;
  junk: number;
  unmentioned: number;
  lowercase: number;
  'function-words': number;
  short: number;
  sentence: number;
  'list-number': number;
  punctuation: number;
  'de-noun': number;
  'de-common': number;
  topic: number;
  date: number;
  'dict-word': number;
}

const empty = (): Tally => ({ pages: 0, names: 0, junk: 0, unmentioned: 0, lowercase: 0, 'function-words': 0, short: 0, sentence: 0, 'list-number': 0, punctuation: 0, 'de-noun': 0, 'de-common': 0, topic: 0, date: 0, 'dict-word': 0 });
const EXTRA_KINDS = ['sentence', 'list-number', 'punctuation', 'de-noun', 'de-common', 'topic', 'date', 'dict-word'] as const;

function pagesOf(root: string, set: string): { id: string; file: string; lang?: string; url?: string }[] {
  const dir = join(root, set);
  const gtFile = join(dir, 'ground-truth.json');
  const gt = existsSync(gtFile) ? (JSON.parse(readFileSync(gtFile, 'utf8')) as Record<string, { lang?: string; url?: string }>) : {};
  return readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz') || f.endsWith('.html'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.html(?:\.gz)?$/, '');
      return { id, file: join(dir, 'html', f), lang: gt[id]?.lang, url: gt[id]?.url };
    });
}

async function main(): Promise<void> {
  const args = argsOf(process.argv.slice(2));
  const byLang = new Map<string, Tally>();
  const bySet = new Map<string, Tally>();
  const dump: string[] = [];
  const failed: string[] = [];
  let ratioNum = 0;
  let ratioDen = 0;
  const tallyPage = (set: string, lang: string, rows: { name: string; type: string; junk: string[] }[]): void => {
    const t = byLang.get(lang) ?? empty();
    const s = bySet.get(set) ?? empty();
    byLang.set(lang, t);
    bySet.set(set, s);
    for (const x of [t, s]) x.pages++;
    for (const r of rows) {
      for (const x of [t, s]) {
        x.names++;
        if (r.junk.length) x.junk++;
        for (const k of r.junk) x[k as keyof Tally]++;
      }
    }
  };
  if (args.rescore) {
    for (const line of readFileSync(args.rescore, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const p = JSON.parse(line) as { set: string; lang: string; entities: { name: string; type: string; junk: string[] }[] };
      // The stored verdicts of the first measure, the shape checks afresh.
      const first = new Set(['unmentioned', 'lowercase', 'function-words', 'short']);
      tallyPage(p.set, p.lang, p.entities.map((e) => ({ ...e, junk: [...e.junk.filter((k) => first.has(k)), ...shapeKinds(e.name, e.type, p.lang)] })));
    }
  }
  for (const set of args.rescore ? [] : args.sets) {
    for (const page of pagesOf(args.root, set).slice(0, args.limit)) {
      if (args.only && !args.only.has(page.id)) continue;
      let bytes: Uint8Array = readFileSync(page.file);
      if (page.file.endsWith('.gz')) bytes = gunzipSync(bytes);
      const doc = parseHtml(decodeHtml(bytes).text, page.url || pathToFileURL(page.file).href);
      let out;
      try {
        out = runPipeline(doc, { url: page.url, entities: true });
      } catch (err) {
        // A page the extraction throws on (the clean CLI reports it): counted, not fatal.
        failed.push(`${set}/${page.id}: ${String((err as Error)?.message ?? err).slice(0, 120)}`);
        continue;
      } finally {
        await releaseDocument(doc);
      }
      if (!out.ok || !out.article) continue;
      const haystack = `${out.article.title ?? ''}\n${out.article.text}`;
      const lang = pageLang(page.lang, out.article.text);
      const ents = out.entities ?? [];
      ratioNum += out.timings.entitiesMs ?? 0;
      ratioDen += out.timings.extractMs;
      const rows: { name: string; type: string; count: number; sources: string[]; junk: string[]; ctx: string }[] = [];
      for (const e of ents) {
        const kinds = junkKinds(e, haystack, lang);
        const at = haystack.indexOf(e.name);
        const ctx = at >= 0 ? haystack.slice(Math.max(0, at - 60), at + e.name.length + 60).replace(/\s+/g, ' ') : '';
        rows.push({ name: e.name, type: e.type, count: e.count, sources: e.sources, junk: kinds, ctx });
      }
      tallyPage(set, lang, rows);
      if (args.dump) dump.push(JSON.stringify({ set, id: page.id, lang, title: out.article.title, entities: rows }));
    }
  }
  if (args.dump) writeFileSync(args.dump, `${dump.join('\n')}\n`);
  if (!deJudgeHasDictionary()) process.stderr.write(`no ${DE_DICT} (apt-get install wngerman): German common nouns judged by the training list only\n`);
  if (missingWordLists().length) process.stderr.write(`no word list for ${missingWordLists().join(', ')} (apt-get install wamerican wfrench wportuguese wdutch): 'dict-word' not judged there\n`);
  for (const f of failed) process.stderr.write(`failed: ${f}\n`);
  const share = (x: Tally): number => (x.names ? x.junk / x.names : 0);
  const line = (k: string, x: Tally): string =>
    [k, x.pages, (x.names / Math.max(1, x.pages)).toFixed(1), x.unmentioned, x.lowercase, x['function-words'], x.short, ...EXTRA_KINDS.map((q) => x[q]), x.junk, `${(100 * share(x)).toFixed(1)}%`].join('\t');
  process.stdout.write(`group\tpages\tnames/page\tunmentioned\tlowercase\tfn-words\tshort\t${EXTRA_KINDS.join('\t')}\tjunk\tjunk%\n`);
  const langs = [...byLang].sort((a, b) => b[1].pages - a[1].pages);
  for (const [k, x] of langs) process.stdout.write(`${line(k, x)}\n`);
  for (const [k, x] of bySet) process.stdout.write(`${line(k, x)}\n`);
  const json = (m: Map<string, Tally>) =>
    Object.fromEntries([...m].map(([k, x]) => [k, { ...x, namesPerPage: +(x.names / Math.max(1, x.pages)).toFixed(2), junkShare: +share(x).toFixed(4) }]));
  const all = [...bySet.values()].reduce((a, x) => {
    for (const k of Object.keys(a) as (keyof Tally)[]) a[k] += x[k];
    return a;
  }, empty());
  process.stdout.write(
    `${JSON.stringify({ all: { ...all, junkShare: +share(all).toFixed(4) }, failedPages: failed.length, germanWordList: deJudgeHasDictionary(), entityToExtractTime: +(ratioNum / Math.max(1e-9, ratioDen)).toFixed(3), byLang: json(new Map(langs)), bySet: json(bySet) })}\n`,
  );
}

await main();
