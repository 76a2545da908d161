// The entity layers' faster paths must give the very answers of the code they replaced
// (franc-min, regex counts, regex scans, string hashing): each is checked against it here.
import { describe, expect, it } from 'vitest';
import { francAll as francMin } from 'franc-min';
import { francAll } from '../../src/core/text/trigram-lang.ts';
import { leadWords } from '../../src/core/entities/latin.ts';
import { fnvBar, fnvCont, fnvRange } from '../../src/core/entities/model/hash.ts';
import { docContext } from '../../src/core/entities/model/word-features.ts';
import { at, CYRILLIC, GREEK, HAN, HANGUL, HEBREW, KANA, LATIN, LETTER, scriptCounts, THAI } from '../../src/core/text/script-counts.ts';

// The faster trigram ranking must give franc-min's answer, score for score: the entity layers'
// language decisions (which tagger runs where) rest on it.
const TEXTS = [
  'The minister said on Tuesday that the government would not change its plans for the budget this year.',
  'Президент России Владимир Путин провёл в среду встречу с канцлером Германии. По словам пресс-секретаря, стороны обсудили поставки газа.',
  'W Polsce premier Donald Tusk powiedział w środę, że rząd nie zmieni planu. Tego samego dnia minister finansów spotkał się z posłami.',
  'Der Bundeskanzler traf sich am Mittwoch in Berlin mit Vertretern der Länder, um über die Energiepreise zu sprechen.',
  'Le président de la République a reçu mercredi à l’Élysée les représentants des syndicats pour parler des retraites.',
  'O presidente do Brasil disse nesta quarta-feira que o governo não vai mudar o plano para o orçamento deste ano.',
  'De minister zei dinsdag dat de regering haar plannen voor de begroting dit jaar niet zal veranderen.',
  'Ο πρωθυπουργός δήλωσε την Τρίτη ότι η κυβέρνηση δεν θα αλλάξει τα σχέδιά της για τον προϋπολογισμό.',
  'رئيس الوزراء قال يوم الثلاثاء إن الحكومة لن تغير خططها بشأن الميزانية هذا العام في البلاد.',
  'प्रधानमंत्री ने मंगलवार को कहा कि सरकार इस साल बजट के लिए अपनी योजनाओं में कोई बदलाव नहीं करेगी।',
  '美国国务卿布林肯周二表示，美国将继续与盟友合作。',
  '12345 67890 !!! ??? 2024-01-02 12:30',
  'short',
  'İSTANBUL — Türkiye Cumhurbaşkanı salı günü yaptığı açıklamada hükümetin bütçe planlarını değiştirmeyeceğini söyledi.',
  'MIXED Latin and Кириллица text with 𝐌𝐚𝐭𝐡 letters, emoji 🙂 and a lone \ud800 surrogate in the middle of it all.',
];

describe('francAll (trigram-lang.ts) equals franc-min', () => {
  it('on sentences in many scripts, short and odd texts', () => {
    for (const t of TEXTS) {
      for (const minLength of [10, 20]) expect(francAll(t, { minLength })).toEqual(francMin(t, { minLength }));
    }
  });

  it('on long texts cut at 2048 characters, and on repeated trigrams', () => {
    const long = TEXTS.slice(0, 7).join(' ').repeat(8);
    expect(long.length).toBeGreaterThan(2048);
    expect(francAll(long, { minLength: 20 })).toEqual(francMin(long, { minLength: 20 }));
    const tail = TEXTS.slice(1, 3).join('\n').repeat(12);
    expect(francAll(tail)).toEqual(francMin(tail));
  });
});

describe('scriptCounts (script-counts.ts) equals counting with the Unicode property regexes', () => {
  const BY_REGEX: [number, RegExp][] = [
    [LETTER, /\p{L}/gu],
    [LATIN, /\p{Script=Latin}/gu],
    [CYRILLIC, /\p{Script=Cyrillic}/gu],
    [KANA, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
    [HANGUL, /\p{Script=Hangul}/gu],
    [HAN, /\p{Script=Han}/gu],
    [HEBREW, /\p{Script=Hebrew}/gu],
    [THAI, /\p{Script=Thai}/gu],
    [GREEK, /\p{Script=Greek}/gu],
  ];
  it('on whole texts and on slices that cut a surrogate pair', () => {
    const texts = [...TEXTS, 'ひらがなとカタカナと漢字、한국어, עברית, ไทย, 𠀀𠀁 (astral Han), Ⅻ ª º'];
    for (const t of texts) {
      for (const [start, end] of [[0, t.length], [1, t.length - 1], [3, Math.max(3, t.length >> 1)]] as const) {
        const counts = scriptCounts(t, start, end);
        for (const [bit, re] of BY_REGEX) expect(counts[at(bit)], `${bit} in ${t.slice(0, 20)}`).toBe(t.slice(start, end).match(re)?.length ?? 0);
      }
    }
  });
});

describe('leadWords (latin.ts) equals the regex it replaced', () => {
  const RE = /(?:[\p{L}.]+ +){1,3}$/u;
  it('on random strings of letters, dots, spaces, digits, astral letters and lone surrogates', () => {
    const parts = ['a', 'B', 'é', '.', ' ', ' ', '  ', '1', ',', '(', '𝐌', '\ud835', '\udc00', 'Dr.', 'Secretary ', 'of ', 'State '];
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let t = 0; t < 3000; t++) {
      let s = '';
      const len = rand(14);
      for (let k = 0; k < len; k++) s += parts[rand(parts.length)]!;
      expect(leadWords(s), JSON.stringify(s)).toBe(RE.exec(s)?.[0] ?? '');
    }
  });
});

describe('range hashing (hash.ts) equals hashing the sliced strings', () => {
  it('fnvRange and fnvBar', () => {
    const h = fnvCont(0x811c9dc5, 'x3=');
    for (const w of ['', 'a', 'ab', 'abc', 'washington', 'é𝐌x']) {
      for (let k = 1; k <= 4; k++) expect(fnvRange(h, w, Math.max(0, w.length - k), w.length)).toBe(fnvCont(h, w.slice(-k)));
      expect(fnvBar(fnvCont(h, w))).toBe(fnvCont(h, `${w}|`));
    }
  });
});

describe('docContext (word-features.ts) equals its two regex passes', () => {
  // The former code, verbatim but for the closing: the scan must find the same words.
  const LOWER_WORD = /(?<![\p{L}\p{M}\p{N}])\p{Ll}[\p{L}\p{M}]*/gu;
  const CAP_WORD = /(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}]*/gu;
  const byRegex = (text: string): unknown => {
    const lowerSeen = new Set<string>();
    for (const m of text.matchAll(LOWER_WORD)) lowerSeen.add(m[0]);
    const capCount = new Map<string, number>();
    for (const m of text.matchAll(CAP_WORD)) capCount.set(m[0], (capCount.get(m[0]) ?? 0) + 1);
    return { lowerSeen: [...lowerSeen].sort(), capCount: [...capCount].sort() };
  };
  it('on texts in many scripts, with digits, marks, astral letters and lone surrogates', () => {
    const extra = ['aBc1Def 2ghi Jkl-mno ǅemal Ǆ e\u0301té É\u0301cole 𝐌ath x𝐌 \ud835A \udc00b', 'abc. Abc Abc; DEF def “Ghi” (Jkl)'];
    for (const t of [...TEXTS, ...extra]) {
      const d = docContext(t);
      expect({ lowerSeen: [...d.lowerSeen].sort(), capCount: [...d.capCount].sort() }, t.slice(0, 20)).toEqual(byRegex(t));
    }
  });
});
