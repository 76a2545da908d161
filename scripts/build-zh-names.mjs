// The Chinese personal-name model of the entity tagger (src/core/entities/zh-names.ts), counted
// from jieba's part-of-speech dictionary: no name list, but how name-like each character is.
//   - Surnames: the first characters of jieba's three-character person names (nr/nrfg), scored
//     by log(uses as a surname / uses at the start of an ordinary word): 李 and 赵 score high;
//     张 and 高 lower, since 一张 and 提高 are words too. Compound surnames (欧阳, 司马) from the
//     four-character names.
//   - Given-name characters: log(share among the given-name characters of those names / share
//     among the characters of ordinary words, weighted by frequency): 涛 and 斌 score high, 的
//     and 是 low.
//   - Word starts: two-character ordinary words that begin with a surname (王国, 高度, 金融), the
//     most frequent ones: a surname that starts such a word names nobody.
// Scores are rounded to half units and stored as groups of characters per level (one string per
// table), which the tagger reads without building a table per character.
// Caveat: jieba's dictionary was counted partly from the 1998 People's Daily corpus, the source of
// the peoplesdaily-zh-dev set, which may flatter that set's figures.

const NAME_TAGS = new Set(['nr', 'nrfg', 'nrt']);
export const STEP = 0.5;

// Levels of a score table as one string: the characters of each level, lowest level first,
// groups joined by '|' (empty groups kept, so a group's index is its level).
function levelString(scores, min, max) {
  const groups = Array.from({ length: max - min + 1 }, () => []);
  for (const [ch, s] of scores) {
    const q = Math.max(min, Math.min(max, Math.round(s / STEP)));
    groups[q - min].push(ch);
  }
  return groups.map((g) => g.sort().join('')).join('|');
}

/**
 * rows: jieba entries [word, freq, tag] (Han only); translit: characters of transliterated
 * foreign names. Options cut the tables to fit the size budget.
 */
export function buildZhNames(rows, translit, opts) {
  const text = new Map(); // character -> frequency in ordinary (non-name) words
  const starts = new Map(); // character -> frequency at the start of ordinary words
  let total = 0;
  for (const [w, f, t] of rows) {
    if (NAME_TAGS.has(t)) continue;
    for (const ch of w) text.set(ch, (text.get(ch) ?? 0) + f);
    starts.set(w[0], (starts.get(w[0]) ?? 0) + f);
    total += f * w.length;
  }
  const isForeign = (w) => [...w.slice(1)].every((ch) => translit.has(ch));
  const names3 = rows.filter(([w, , t]) => (t === 'nr' || t === 'nrfg') && w.length === 3 && !isForeign(w));
  const firstCount = new Map();
  for (const [w] of names3) firstCount.set(w[0], (firstCount.get(w[0]) ?? 0) + 1);
  const surnameSet = new Set([...firstCount].filter(([, n]) => n >= opts.minSurnameNames).map(([c]) => c));
  // Single-character nr entries: surnames the corpus tagged apart from the given name (王 19704).
  const single = new Map(rows.filter(([w, , t]) => t === 'nr' && w.length === 1).map(([w, f]) => [w, f]));
  const asSurname = new Map();
  for (const [w, f] of names3) if (surnameSet.has(w[0])) asSurname.set(w[0], (asSurname.get(w[0]) ?? 0) + f);
  const surScores = [];
  for (const c of surnameSet) {
    const s = Math.log(((asSurname.get(c) ?? 0) + (single.get(c) ?? 0) + 1) / ((starts.get(c) ?? 0) + 1));
    if (s >= opts.minSurnameScore) surScores.push([c, s]);
  }
  // Given-name characters, counted once per distinct name.
  const given = new Map();
  let givenTotal = 0;
  for (const [w] of names3) {
    if (!surnameSet.has(w[0])) continue;
    for (const ch of w.slice(1)) {
      given.set(ch, (given.get(ch) ?? 0) + 1);
      givenTotal++;
    }
  }
  const chars = new Set([...given.keys(), ...text.keys()]);
  const givenScores = [];
  const byText = [...text].sort((a, b) => b[1] - a[1]);
  const frequent = new Set(byText.slice(0, opts.commonChars).map(([c]) => c));
  for (const ch of chars) {
    const pg = ((given.get(ch) ?? 0) + 0.5) / (givenTotal + 0.5 * chars.size);
    const pt = ((text.get(ch) ?? 0) + 1) / (total + chars.size);
    const s = Math.log(pg / pt);
    // Kept: characters often in names and more name-like than not; frequent characters of text,
    // whatever their score (的, 是: strongly not). Every other character reads as neutral (0).
    if (((given.get(ch) ?? 0) >= opts.minGivenNames && s >= opts.minGivenScore) || (frequent.has(ch) && Math.abs(s) >= 0.75)) givenScores.push([ch, s]);
  }
  // Compound surnames: the first two characters of many three- and four-character names, when a
  // good share of the longer words that start with them are names (欧阳修, 司马光; not 道德, whose
  // 道德观念 is a word, nor 东方).
  const four = new Map();
  const three = new Map();
  const longer = new Map();
  for (const [w, , t] of rows) {
    if (w.length < 3) continue;
    const p = w.slice(0, 2);
    longer.set(p, (longer.get(p) ?? 0) + 1);
    if (t === 'nr' || t === 'nrfg') (w.length === 4 ? four : three).set(p, ((w.length === 4 ? four : three).get(p) ?? 0) + 1);
  }
  const compounds = [...four]
    .filter(([c, n]) => n >= opts.minCompoundNames && (three.get(c) ?? 0) >= opts.minCompoundNames * 0.8 && n / longer.get(c) >= 0.3)
    .map(([c]) => c);
  // Ordinary two-character words that start with a surname, most frequent first.
  const surStrong = new Set(surScores.map(([c]) => c));
  const wordStarts = rows
    .filter(([w, f, t]) => w.length === 2 && !NAME_TAGS.has(t) && surStrong.has(w[0]) && f >= opts.minWordFreq)
    .map(([w]) => w);
  return {
    nameSurnames: levelString(surScores, opts.surnameLevels[0], opts.surnameLevels[1]),
    nameGiven: levelString(givenScores, opts.givenLevels[0], opts.givenLevels[1]),
    nameLevels: [opts.surnameLevels[0], opts.givenLevels[0], STEP],
    nameCompounds: compounds.sort().join('|'),
    nameWordStarts: [...new Set(wordStarts)].sort().join('|'),
  };
}
