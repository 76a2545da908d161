// Japanese names without a morphological analyser: IPADIC's proper nouns (data/ja.json, built by
// scripts/build-gazetteers.mjs) plus rules on script runs: katakana names joined by ・, surname +
// given name, names before an honorific or title, addresses (県/市/区...), organisation suffixes.
import data from './data/ja.json';
import type { Candidate } from './candidate.ts';
import { Lexicon, SortedWords } from './lexicon.ts';

interface JaTables {
  lex: Lexicon;
  surnames: Lexicon;
  given: Lexicon;
  kanaNouns: SortedWords;
}

let tables: JaTables | null = null;
let places: SortedWords | null = null;
const placeList = (): SortedWords => (places ??= new SortedWords(data.place, data.placeKinds));

/** A country or region name in Japanese (Intl's ja names, shipped in the place list). */
export function isJaRegion(name: string): boolean {
  return placeList().codeOf(name) === 'r';
}

function load(): JaTables {
  if (tables) return tables;
  // The shipped lists are searched as they are (lexicon.ts), in order of trust.
  const lex = new Lexicon()
    .addSorted(new SortedWords(data.organization, 'organization'))
    .addSorted(new SortedWords(data.person, 'person'))
    .addSorted(placeList());
  const surnames = new Lexicon().addSorted(new SortedWords(data.surnames, 'person')).addSorted(new SortedWords(data.kanaSurnames, 'person'));
  const given = new Lexicon().addSorted(new SortedWords(data.given, 'person'));
  tables = { lex, surnames, given, kanaNouns: new SortedWords(data.kanaNouns, 'place') };
  return tables;
}

const KATA = '\\p{Script=Katakana}ー';
const NAME_CHARS = `[\\p{Script=Han}々${KATA}A-Za-zＡ-Ｚａ-ｚ0-9０-９・＝&＆]`;
// Titles and honorifics written after a name.
const PERSON_SUFFIX = /^(?:氏|さん|様|君|ちゃん|監督|選手|投手|捕手|議員|社長|会長|知事|市長|首相|大統領|総理|教授|博士|夫人|容疑者|被告|外相|長官|元帥|将軍|大将|中将|少将|大佐|王子|王女|皇帝|国王|女王|殿下|陛下|師匠|先生|作曲|作詞|編曲)/;
// Heads that end an organisation's name (companies, bodies, parties, armed forces, teams,
// departments); longest first, so that 放送局 wins over 放送.
const ORG_HEADS = [
  ...'株式会社|有限会社|ホールディングス|グループ|銀行|証券|生命|保険|大学|学院|高校|高等学校|中学校|小学校|学園|研究所|研究会|財団|協会|連盟|連合|機構|委員会|新聞社|新聞|放送|放送局|テレビ|鉄道|航空|電鉄|自動車|工業|製作所|電機|電気|商事|物産|重工|製薬|食品|興業|書店|政府|党|省|庁|軍|クラブ|球団|代表|レコード|プロダクション|スタジオ|エンターテインメント|HD|議会|議院'.split('|'),
  ...'政権|内閣|部隊|艦隊|連隊|師団|軍団|司令部|自衛隊|楽団|劇団|歌劇団|組合|労組|裁判所|交通|電力|製紙|紡績|化学|印刷|通信|石油|建設|運輸|観光|出版|酒造|百貨店|企画|倶楽部|学部|事務所|公社|公団|事業団'.split('|'),
].sort((x, y) => y.length - x.length);
const ORG_SUFFIX = new RegExp(`(?:${ORG_HEADS.join('|')})$`, 'u');
// Titles and words that end a kanji stretch after a name, and kinship words before one.
const TITLE_END = new RegExp(`(?:${PERSON_SUFFIX.source.slice(4, -1)}|船長|艦長|大使|蔵相|党首|本人|家|等|出身|役)$`, 'u');
const KIN_LEAD = /^(?:[長次三四五]女|[長次三四五]男|長兄|次兄|妻|夫|父|母|兄|弟|姉|妹)(?=[\p{Script=Han}々]{2})/u;
const ORG_SUFFIX_ANY = new RegExp(`(?:${[...ORG_HEADS, '集団', '社'].join('|')})`, 'gu');
// Words run into the front of a name in kanji text (母体大阪産業大学, 一般社団法人日本玩具協会):
// legal forms, which gold standards and readers leave out, and a few ordinary words.
const ORG_LEAD = /^(?:(?:公益|一般)(?:財団|社団)法人|社会福祉法人|学校法人|独立行政法人|合資会社|合名会社|地元|母体|大手|中小|傘下|系列|代々|結果|元|旧|後)・?(?=[\p{Script=Han}\p{Script=Katakana}A-Za-z]{2})/u;
const ORG_PREFIX_SKIP = /^(?:同|当|本|各|全|両|他|旧|元|前|新|自|我が|わが|その|この|同社|子|親)$/;
const RUN = new RegExp(`${NAME_CHARS}+`, 'gu');
const KANA_FULL_NAME = new RegExp(`[${KATA}]{2,}(?:[・＝][${KATA}]{1,})+`, 'gu');
const NAME_BEFORE_TITLE = new RegExp(`(?:[${KATA}・]{2,}|[\\p{Script=Han}]{2,4})$`, 'u');
const PLACE_UNIT = /(?:[\p{Script=Han}]{1,4}?|[\p{Script=Katakana}ー]{2,8})(?:都|道|府|県|市|区|町|村|郡|州|省)/uy;

const KANA_OR_LATIN = /[\p{Script=Katakana}ーA-Za-z]/u;

function cutsWord(text: string, start: number, end: number): boolean {
  const inside = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && KANA_OR_LATIN.test(a) && KANA_OR_LATIN.test(b);
  return inside(text[start - 1], text[start]) || inside(text[end - 1], text[end]);
}

/** ニューヨーク・ヤンキース is a team, ホテル・エデン a building, ヒラリー・クリントン a person. */
function dottedType(name: string, t: JaTables): Candidate['type'] | null {
  if (ORG_SUFFIX.test(name)) return 'organization';
  const parts = name.split(/[・＝]/);
  // Ending in a common noun (…・シアター, …・キャピタル): a company or body; a common noun
  // elsewhere (ホテル・…): a building or a thing, not a name the tagger types.
  if (t.kanaNouns.has(parts[parts.length - 1]!)) return 'organization';
  if (parts.some((p) => t.kanaNouns.has(p))) return null;
  const first = t.lex.get(parts[0]!);
  if (first === 'place' && parts.length === 2) return 'organization';
  if (parts.some((p) => t.lex.get(p) === 'organization')) return 'organization';
  // An English plural at the end (…・ロイヤルズ, …・ストーンズ, …・ジャイアンツ) names a team or a
  // band, unless that last part is a known surname (…・ジョーンズ).
  const last = parts[parts.length - 1]!;
  if (/(?:ズ|[ーンッ]ツ)$/u.test(last) && !t.surnames.get(last)) return 'organization';
  return 'person';
}

// One-character country names in news Japanese: 米大統領, 米GM, 渡米, 独伊 (米 is also rice: only
// before a word of state, press or business, a company's name, or after a verb of travel).
const ABBR_PLACE =
  /(?<=[渡訪駐在全対日欧]|[^\p{Script=Han}々]|^)米(?=大統領|国務|国防|政府|政権|軍|議会|上院|下院|連邦|司法|大使|紙|誌|企業|大手|[\p{Script=Katakana}A-Z])|(?<=[渡訪駐])[米英独仏露豪印韓中](?![\p{Script=Han}々])|(?<![\p{Script=Han}々])[米英独仏露](?=[米英独仏伊露中韓][の・がはとも、])/gu;

export function jaCandidates(text: string, out: Candidate[]): void {
  const t = load();
  for (const m of text.matchAll(ABBR_PLACE)) out.push({ start: m.index!, end: m.index! + 1, type: 'place', source: 'rule', priority: 1 });
  for (const run of text.matchAll(RUN)) {
    const s = run[0];
    const from = run.index!;
    const to = from + s.length;
    const found: Candidate[] = [];
    t.lex.scan(text, from, to, 'gazetteer', 2, found);
    // A katakana or Latin word is matched whole, never inside a longer one (ライン in オンライン).
    for (const c of found) {
      if (cutsWord(text, c.start, c.end)) continue;
      // A common surname that is also a place (中村, 宮崎) names a person more often than not,
      // unless an administrative suffix follows (宮崎県).
      if (c.type === 'place' && t.surnames.get(text.slice(c.start, c.end)) && !/^[都道府県市区町村郡]/u.test(text[c.end] ?? '')) c.type = 'person';
      out.push(c);
    }
    // Katakana names joined by ・ or ＝: ヒラリー・クリントン; typed by their parts.
    for (const k of s.matchAll(KANA_FULL_NAME)) {
      const start = from + k.index!;
      const type = dottedType(k[0], t);
      if (type) out.push({ start, end: start + k[0].length, type, source: 'rule', priority: 3 });
    }
    // Addresses: 愛知県一宮市, 東京都千代田区, ミシガン州 (a chain of units is one place).
    for (let i = 0; i < s.length; ) {
      PLACE_UNIT.lastIndex = i;
      let end = i;
      let units = 0;
      while (PLACE_UNIT.lastIndex < s.length && PLACE_UNIT.exec(s)) {
        end = PLACE_UNIT.lastIndex;
        units++;
      }
      if (end > i) {
        // Only when the first unit's name is known or the whole is at least two units long.
        const first = s.slice(i, end);
        const known = t.lex.matchAt(text, from + i);
        if (known || /^(?:東京都|北海道|大阪府|京都府)/.test(first) || (first.match(/[都道府県市区町村郡州省]/gu)?.length ?? 0) >= 2) {
          // One unit with more kanji right after it may be the start of a name (市村正親):
          // it then competes with the other rules as a gazetteer entry would.
          const single = units === 1 && /\p{Script=Han}/u.test(s[end] ?? '');
          out.push({ start: from + i, end: from + end, type: 'place', source: 'rule', priority: single ? 2 : 4 });
          i = end;
          continue;
        }
      }
      i++;
    }
    // Organisation names: the run up to an organisation suffix (日本証券クリアリング機構), after
    // any date or number in front of it.
    // The last suffix ends the name: 東京大学 in 東京大学教授, 日本証券クリアリング機構 (not
    // 日本証券); katakana or Latin + 社 (クライスラー社).
    let lead = /^(?:[0-9０-９]+[年月日]|[0-9０-９]+)*/u.exec(s)![0].length;
    let orgEnd = 0;
    const pushOrg = (a: number, b: number): void => {
      const cut = ORG_LEAD.exec(s.slice(a, b))?.[0].length ?? 0;
      out.push({ start: from + a + cut, end: from + b, type: 'organization', source: 'rule', priority: 3 });
    };
    ORG_SUFFIX_ANY.lastIndex = lead;
    for (let m = ORG_SUFFIX_ANY.exec(s); m; m = ORG_SUFFIX_ANY.exec(s)) {
      const end = m.index + m[0].length;
      const prefix = s.slice(lead, m.index);
      if (prefix.length >= 2 && end - lead <= 20 && !ORG_PREFIX_SKIP.test(prefix) && (m[0] !== '社' || /[\p{Script=Katakana}ーA-Za-z]$/u.test(prefix))) orgEnd = end;
      // Two organisations listed with ・ (千代田火災海上保険・東海銀行): the first ends here.
      if (orgEnd === end && s[end] === '・') {
        pushOrg(lead, orgEnd);
        lead = end + 1;
        orgEnd = 0;
      }
    }
    if (orgEnd) pushOrg(lead, orgEnd);
    // A kanji stretch that is a surname plus one to three characters: 加藤晋一朗, 小林明, also
    // after a job title and a dot (漫画家・岡部冬彦).
    for (const k of s.matchAll(/(?<![\p{Script=Han}々])[\p{Script=Han}々]{3,7}(?![\p{Script=Han}々])/gu)) {
      // A title or honorific written into the stretch (小林明教授, 竹下登蔵相) is not part of the
      // name, nor is a kinship word before it (三女悦子).
      const kin = KIN_LEAD.exec(k[0])?.[0].length ?? 0;
      const h = k[0].slice(kin).replace(TITLE_END, '');
      if (h.length < 3 || h.length > 5 || ORG_SUFFIX.test(h) || /[都道府県市区町村郡州省島山川湖駅線]$/u.test(h)) continue;
      const start = from + k.index! + kin;
      const end = start + h.length;
      const sur = t.surnames.matchAt(text, start);
      if (sur && end - sur.end >= 1 && end - sur.end <= 3) out.push({ start, end, type: 'person', source: 'rule', priority: 3 });
      // A surname the list lacks (or shares with a place: 山東, 伊丹) + a known given name of two
      // or more characters that ends the stretch: 山東昭子, 長山洋子.
      else if (!sur) {
        for (let n = 2; n <= 3 && h.length - n >= 2; n++) {
          const g = t.given.matchAt(text, end - n);
          if (g && g.end === end) {
            out.push({ start, end, type: 'person', source: 'rule', priority: 2 });
            break;
          }
        }
      }
    }
    // Surname + given name: 松友美佐紀.
    for (let i = 0; i < s.length - 1; i++) {
      const sur = t.surnames.matchAt(text, from + i);
      if (!sur) continue;
      const giv = t.given.matchAt(text, sur.end);
      if (giv && giv.end <= to && (giv.end === to || !/\p{Script=Han}/u.test(text[giv.end]!))) {
        out.push({ start: from + i, end: giv.end, type: 'person', source: 'rule', priority: 3 });
        i = giv.end - from - 1;
      }
    }
    // A known surname on its own, between a non-name character and a particle: 田中は, スミスが.
    if (/^(?:[\p{Script=Han}]{2,3}|[\p{Script=Katakana}ー]{3,})$/u.test(s) && /^[はがのをにともへや、。]/u.test(text[to] ?? '')) {
      if (t.surnames.get(s) && !t.lex.get(s)) out.push({ start: from, end: to, type: 'person', source: 'rule', priority: 1 });
    }
    // A name before an honorific or title: 岡部氏, オバマ大統領.
    const suf = PERSON_SUFFIX.exec(text.slice(to, to + 4));
    if (suf) {
      const m = NAME_BEFORE_TITLE.exec(s);
      if (m) out.push({ start: from + m.index!, end: to, type: 'person', source: 'rule', priority: 2 });
    }
    // Latin acronyms in Japanese text are mostly companies and bodies: IBM, NHK.
    for (const a of s.matchAll(/(?<![A-Za-z])[A-Z][A-Za-z&]*[A-Z](?![A-Za-z])/g)) {
      // Officers' titles (CEO, CFO, CTO) are no organisations.
      if (a[0].length < 3 || /^C[A-Z]O$/.test(a[0])) continue;
      out.push({ start: from + a.index!, end: from + a.index! + a[0].length, type: 'organization', source: 'rule', priority: 1 });
    }
  }
}
