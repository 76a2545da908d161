// node scripts/build-de-prose-nouns.mjs [BENCH_ROOT]
// German capitalises every noun, and WikiANN-de (title fragments) almost never writes the common
// nouns of news prose outside names ("Frau", "Polizei", "Theater"), so the German pack reads them
// as names. This learns them from unlabelled German prose instead: the paragraphs of the German
// pages of the extraction dev pool (no NER labels are read; GermEval is never read). A capitalised
// word that follows a determiner names do not take ("eine", "kein", "seine", "diese"..., with
// inflected adjectives between: "eine neue Regierung") on at least MIN_PAGES pages is a common
// noun; words the WikiANN-de training set writes as a whole one-word name about as often as
// outside names are left out ("Mercedes", "Porsche"), and so are surnames the set's people end
// with ("Müller", "Bauer"). Deterministic: same pages, same file.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { franc } from 'franc-min';

const root = resolve(process.argv[2] ?? '../shared/bench');
const SETS = ['daniel-dev', 'newsweb-dev', 'zyte-dev', 'trafilatura-dev'];
const MIN_PAGES = 2;
const DETERMINER =
  /^(?:ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|keiner|keines|mein|meine|meinen|meinem|meiner|meines|dein|deine|deinen|deinem|deiner|deines|sein|seine|seinen|seinem|seiner|seines|ihr|ihre|ihren|ihrem|ihrer|ihres|unser|unsere|unseren|unserem|unserer|unseres|euer|eure|euren|eurem|eurer|dieser|diese|dieses|diesem|diesen|jener|jene|jenes|jenem|jenen|jeder|jede|jedes|jedem|jeden|mancher|manche|manches|manchem|manchen|welcher|welche|welches|welchem|welchen|solcher|solche|solches|solchem|solchen|einige|einigen|einiger|mehrere|mehreren|mehrerer|viele|vielen|vieler|wenige|wenigen|beide|beiden)$/;
const ADJECTIVE = /^\p{Ll}{3,}(?:e|en|er|es|em)$/u;

const ENTITY = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß' };
const decode = (s) =>
  s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(\w+);/g, (m, n) => ENTITY[n] ?? m);

/** The page's paragraphs as plain text: running prose, not menus. */
function paragraphs(html) {
  const body = html.replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, ' ');
  const out = [];
  for (const m of body.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)) {
    const t = decode(m[1].replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
    if (t.split(' ').length >= 8) out.push(t);
  }
  return out;
}

const bump = (m, w) => m.set(w, (m.get(w) ?? 0) + 1);
const pagesOf = new Map();
// Capitalised words of the German pages, for the compounds below.
const vocab = new Set();
let german = 0;
for (const set of SETS) {
  const dir = join(root, set, 'html');
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.html.gz')).sort()) {
    const html = new TextDecoder('utf-8').decode(gunzipSync(readFileSync(join(dir, f))));
    const paras = paragraphs(html);
    const text = paras.join('\n');
    if (text.length < 400 || franc(text.slice(0, 5000), { minLength: 20 }) !== 'deu') continue;
    german++;
    const seen = new Set();
    for (const p of paras) {
      const toks = p.match(/[\p{L}][\p{L}-]*|[^\p{L}\s]+/gu) ?? [];
      for (let i = 1; i < toks.length; i++) {
        const w = toks[i];
        if (!/^\p{Lu}\p{Ll}+$/u.test(w)) continue;
        vocab.add(w);
        for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
          if (DETERMINER.test(toks[j].toLowerCase())) {
            seen.add(w);
            break;
          }
          if (!ADJECTIVE.test(toks[j])) break;
        }
      }
    }
    for (const w of seen) pagesOf.set(w, (pagesOf.get(w) ?? 0) + 1);
  }
}

// The last part of compounds: a word that ends MIN_COMPOUNDS or more longer words of these pages in
// lower case ("Polizei" in "Bundespolizei", "Landespolizei") is a common noun. Not after a prefix
// that makes places of places ("Ostdeutschland", "Niedersachsen").
const MIN_COMPOUNDS = 2;
const PLACE_PREFIX = /^(?:nieder|ober|unter|ost|west|nord|süd|groß|gross|klein|alt|neu|mittel|hoch|bad|sankt|zentral|inner|vorder|hinter|gesamt|ur)$/iu;
const heads = new Map();
for (const w of vocab) {
  for (let k = 3; k <= w.length - 5; k++) {
    const tail = w.slice(k);
    if (!/^\p{Ll}/u.test(tail) || PLACE_PREFIX.test(w.slice(0, k))) continue;
    const noun = tail[0].toUpperCase() + tail.slice(1);
    if (vocab.has(noun)) bump(heads, noun);
  }
}
for (const [w, n] of heads) if (n >= MIN_COMPOUNDS) pagesOf.set(w, Math.max(pagesOf.get(w) ?? 0, MIN_PAGES));

// One-word names of the training set: a word written whole as a name at least as often as
// outside one is no common noun to this list.
const asName = new Map();
const surname = new Map();
const outside = new Map();
for (const line of readFileSync(join(root, 'ner-train/wikiann-de-train.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const inName = new Uint8Array(doc.text.length);
  for (const e of doc.entities) {
    inName.fill(1, e.start, e.end);
    const s = doc.text.slice(e.start, e.end);
    if (/^\p{Lu}\p{Ll}+$/u.test(s)) bump(asName, s);
    // A person's last word is a surname ("Müller", "Fischer"): counted as a name too.
    else if (e.type === 'person') bump(surname, s.split(' ').pop());
  }
  for (const m of doc.text.matchAll(/\p{L}[\p{L}-]*/gu)) if (!inName[m.index]) bump(outside, m[0]);
}
const nouns = [...pagesOf]
  .filter(([w, n]) => n >= MIN_PAGES && (asName.get(w) ?? 0) <= (outside.get(w) ?? 0) && (surname.get(w) ?? 0) < 2)
  .map(([w]) => w)
  .sort();
writeFileSync('src/core/entities/data/de-prose-nouns.json', `${JSON.stringify(nouns)}\n`);
process.stdout.write(`${german} German pages, ${nouns.length} words\n`);
