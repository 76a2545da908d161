import { describe, expect, it } from 'vitest';
import { feat, feat2, fnv1a, prefix } from '../../src/core/entities/model/hash.ts';
import { hasPack, loadedPacks, tag } from '../../src/core/entities/model/registry.ts';
import { wordPackFor } from '../../src/core/entities/model/packs-for.ts';
import { packsForArticle } from '../../src/core/entities/index.ts';
import { decode, labelSpans, unpackModel, LABELS, NLABELS, B64 } from '../../src/core/entities/model/tagger.ts';
import { wordContext, docContext, shape } from '../../src/core/entities/model/word-features.ts';
import { charClass } from '../../src/core/entities/model/char-features.ts';
import { zhCandidates } from '../../src/core/entities/zh.ts';
import type { Candidate } from '../../src/core/entities/candidate.ts';

const names = (text: string, lang: string, rules: Candidate[] = []): string[] => tag(lang, text, rules).map((m) => `${m.type}:${text.slice(m.start, m.end)}`);

describe('feature hashes', () => {
  it('hash prefix + value as the whole string would hash', () => {
    expect(feat(prefix('w='), 'paris')).toBe(fnv1a('w=paris'));
    expect(feat2(prefix('pw='), 'in', 'paris')).toBe(fnv1a('pw=in|paris'));
  });

  it('reads word shapes, sentence starts, region names and lower-case use in the document', () => {
    expect(shape('McDonald')).toBe('XxXx');
    expect(shape('U.S.')).toBe('X.X.');
    const words = ['The', 'talks', 'in', 'South', 'Korea', 'ended', '.', 'Talks', 'resume'];
    const ctx = wordContext(words, docContext(words.join(' ')), [{ has: (n) => n === 'South Korea' }]);
    expect(ctx.gaz.slice(3, 5)).toEqual(['B', 'E']);
    expect(ctx.opens[0]).toBe('1');
    expect(ctx.opens[7]).toBe('1');
    expect(ctx.opens[3]).toBe('0');
    // "Talks" is written in lower case elsewhere: its capital is only the sentence's.
    expect(ctx.lc[7]).toBe('L');
    expect(ctx.lc[4]).toBe('C');
    expect(['H', 'P', 'a', 'd'].map((c, i) => charClass(['中', '，', 'x', '7'][i]!) === c)).toEqual([true, true, true, true]);
  });
});

describe("'word3' features", () => {
  it('read what the document says of a capital and whether the line is a headline', () => {
    const text = 'JAPAN WIN AGAIN\nMarkets in Japan rose . Markets fell .';
    const doc = docContext(text);
    const head = wordContext(['JAPAN', 'WIN', 'AGAIN'], doc, []);
    // "JAPAN" is also written "Japan"; "WIN" never otherwise.
    expect(head.dc.slice(0, 2)).toEqual(['T', 'A']);
    expect(head.hl).toBe('U');
    const body = wordContext(['Markets', 'in', 'Japan', 'rose', '.', 'Markets', 'fell', '.'], doc, []);
    // "Markets" only ever opens a sentence; "Japan" stands inside one.
    expect([body.dc[0], body.dc[2], body.dc[1]]).toEqual(['N', 'M', '']);
    expect(body.hl).toBe('N');
  });
});

describe('tagger', () => {
  it('decodes a hand-made pack: a feature that says B-place wins over O', () => {
    // Two features: the bias (O) and w=paris (B-place); weights packed as the training script does.
    const keys = [fnv1a('b') >>> 12, (fnv1a('w=paris') >>> 12)].sort((a, b) => a - b);
    let keyStr = '';
    let last = 0;
    for (const k of keys) {
      let d = k - last;
      last = k;
      do {
        const low = d & 31;
        d = Math.floor(d / 32);
        keyStr += B64[low + (d > 0 ? 32 : 0)];
      } while (d > 0);
    }
    const w = (k: number): string => (k === fnv1a('b') >>> 12 ? [1, 0, 0, 0, 0, 0, 0] : [0, 0, 0, 2, 0, 0, 0]).map((q) => B64[q + 32]).join('');
    const model = unpackModel({ hashBits: 20, levels: [1, 2], keys: keyStr, weights: keys.map(w).join('') });
    const words = ['to', 'paris'];
    const { labels, margin } = decode(model, { n: 2, hashes: (i, out) => { out.length = 0; out.push(fnv1a('b'), fnv1a(`w=${words[i]}`)); }, cls: () => 'x' });
    expect(labels.map((l) => LABELS[l])).toEqual(['O', 'B-place']);
    expect(labelSpans(labels, margin)).toEqual([{ from: 1, to: 2, type: 'place', score: 1 }]);
    expect(NLABELS).toBe(7);
  });
});

describe('language packs', () => {
  it('are all registered in Node and each tags names in its own language', () => {
    expect(loadedPacks()).toEqual(['de', 'en', 'fr', 'nl', 'pt', 'zh']);
    // GMB's labels read "State" after "Secretary of" as the State Department: the raw model keeps
    // that, and latin.ts cuts the title off (entities.test.ts checks the person).
    const en = names('Secretary of State Antony Blinken met officials of the World Health Organization in Geneva on Monday.', 'en');
    expect(en).toEqual(expect.arrayContaining(['organization:World Health Organization', 'place:Geneva']));
    expect(en.some((n) => n.endsWith('Antony Blinken'))).toBe(true);
    // WikiANN's German spans keep a title with the name ("Bundeskanzler Olaf Scholz").
    const de = names('Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten Emmanuel Macron.', 'de');
    expect(de).toEqual(expect.arrayContaining(['place:Berlin', 'person:Emmanuel Macron']));
    expect(de.some((n) => n.startsWith('person:') && n.endsWith('Olaf Scholz'))).toBe(true);
    expect(names('Le président Emmanuel Macron a rencontré à Paris le chancelier Olaf Scholz.', 'fr')).toEqual(expect.arrayContaining(['person:Emmanuel Macron', 'place:Paris']));
    expect(names('Premier Mark Rutte sprak dinsdag in Amsterdam met koning Willem-Alexander.', 'nl')).toEqual(expect.arrayContaining(['place:Amsterdam']));
    expect(names('O presidente Luiz Inácio Lula da Silva visitou Lisboa na segunda-feira.', 'pt')).toEqual(expect.arrayContaining(['place:Lisboa']));
    const zh = '美国国务卿布林肯周二在华盛顿与中国外交部长王毅会谈。';
    const rules: Candidate[] = [];
    zhCandidates(zh, rules);
    expect(names(zh, 'zh', rules)).toEqual(expect.arrayContaining(['place:华盛顿', 'person:王毅']));
  });

  it('finds nothing for a language without a pack', () => {
    expect(hasPack('ru')).toBe(false);
    expect(tag('ru', 'Президент Владимир Путин')).toEqual([]);
  });

  it('are chosen by the scripts an article contains', () => {
    expect(packsForArticle({ text: '美国国务卿布林肯周二与加拿大、墨西哥、日本和韩国外长通话。', title: '', lang: 'zh-CN' })).toEqual(['zh']);
    expect(packsForArticle({ text: '美国国务卿安东尼‧布林肯（Antony Blinken）周二与加拿大外长通话。', title: '', lang: 'zh-CN' })).toEqual(['zh', 'en']);
    expect(packsForArticle({ text: 'Secretary of State Antony Blinken called Mexico.', title: '', lang: 'en' })).toEqual(['en']);
    expect(packsForArticle({ text: 'Olaf Scholz traf Emmanuel Macron in Berlin.', title: '', lang: 'de-DE' })).toEqual(['de']);
    expect(packsForArticle({ text: 'ヒラリー・クリントンはメキシコと韓国を訪れた。', title: '', lang: 'ja' })).toEqual([]);
    expect(packsForArticle({ text: 'Владимир Путин встретился с Си Цзиньпином.', title: '', lang: 'ru' })).toEqual([]);
    expect(wordPackFor('pt-BR')).toBe('pt');
    expect(wordPackFor(null)).toBe('en');
  });
});
