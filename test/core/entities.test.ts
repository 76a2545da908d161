import { describe, expect, it } from 'vitest';
import { findEntities, findNamesAndTags } from '../../src/core/entities/index.ts';
import { readPageTags } from '../../src/core/entities/page-tags.ts';
import { regionNames } from '../../src/core/entities/regions.ts';
import { tokenize } from '../../src/core/entities/en-tokens.ts';
import { Lexicon } from '../../src/core/entities/lexicon.ts';
import { resolveOverlaps, type Candidate } from '../../src/core/entities/candidate.ts';
import { FormIndex } from '../../src/core/entities/mentions.ts';
import type { Entity } from '../../src/core/types.ts';
import { parse } from '../helpers.ts';

const tag = (text: string, lang: string | null, title = ''): Entity[] => findEntities({ doc: null, article: { title, text, lang } });
const find = (ents: Entity[], name: string): Entity | undefined => ents.find((e) => e.name === name || e.aliases.includes(name));

describe('page tags', () => {
  it('reads rel=tag, tag paths on any element with href, meta keywords and typed JSON-LD', () => {
    const doc = parse(`<html><head>
      <meta name="keywords" content="Climate, Energy policy">
      <meta property="article:tag" content="Berlin">
      <script type="application/ld+json">{"@type":"NewsArticle","about":[{"@type":"Person","name":"Olaf Scholz"}],"mentions":{"@type":"Organization","name":"Siemens"},"keywords":"Wind power"}</script>
      </head><body><a rel="tag" href="/x">Germany</a><ok href="https://example.org/tag/solar.html">Solar</ok><a href="/about">About us</a></body></html>`);
    const tags = readPageTags(doc);
    const byName = new Map(tags.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(['Berlin', 'Climate', 'Energy policy', 'Germany', 'Olaf Scholz', 'Siemens', 'Solar', 'Wind power']);
    expect(byName.get('Olaf Scholz')).toMatchObject({ source: 'jsonld', type: 'person' });
    expect(byName.get('Siemens')).toMatchObject({ source: 'jsonld', type: 'organization' });
    expect(byName.get('Solar')!.source).toBe('page-tag');
  });

  it('types a page tag by the layers that find it in the text; lists nothing the article never says', () => {
    const doc = parse('<body><a rel="tag" href="/t/1">Angela Merkel</a><a rel="tag" href="/t/2">Austria</a><a rel="tag" href="/t/3">Energy</a></body>');
    const ents = findEntities({ doc, article: { title: '', text: 'Chancellor Angela Merkel met the president in Vienna on Monday.', lang: 'en' } });
    expect(find(ents, 'Angela Merkel')).toMatchObject({ type: 'person' });
    // Found in the text by the title rule ("Chancellor X"), and declared by the page.
    expect(find(ents, 'Angela Merkel')!.sources).toEqual(expect.arrayContaining(['page-tag', 'rule']));
    // Declared by the page, never mentioned: evidence for nothing, listed nowhere.
    expect(find(ents, 'Austria')).toBeUndefined();
    expect(find(ents, 'Energy')).toBeUndefined();
    expect(ents.every((e) => e.count > 0)).toBe(true);
  });

  it('lists no declared topic as a name: keywords the article repeats are tags on the page, apart', () => {
    const doc = parse(`<html><head><meta name="keywords" content="Energiewende, Solar Valley, города, почти, Прокуратура требует казни Мубарака"></head>
      <body><a rel="tag" href="/t/3">Energy</a></body></html>`);
    const text = 'Energiewende is the plan. Critics of the Energiewende say costs rose; Solar Valley is quiet. города почти. Прокуратура требует казни Мубарака.';
    const { entities: ents, pageTags } = findNamesAndTags({ doc, article: { title: '', text, lang: 'en' } });
    const names = ents.map((e) => e.name);
    for (const junk of ['Energy', 'города', 'почти', 'Прокуратура требует казни Мубарака']) expect(names).not.toContain(junk);
    expect(ents.filter((e) => e.type === 'topic')).toEqual([]);
    // A keyword is evidence only: the English model may read "Solar Valley" in the text as a
    // name from the sentence alone, and then the keyword is beside it, not a name of its own.
    const valley = find(ents, 'Solar Valley');
    if (valley) expect(valley.sources).toContain('model');
    else expect(pageTags).toContain('Solar Valley');
    if (!find(ents, 'Energiewende')) expect(pageTags).toContain('Energiewende');
    expect(pageTags).toContain('Energy');
  });
});

describe('region gazetteer (Intl.DisplayNames)', () => {
  it('knows region names in several languages', () => {
    expect(regionNames('en').get('Mexico')).toBe('MX');
    expect(regionNames('zh').get('墨西哥')).toBe('MX');
    expect(regionNames('ja').get('メキシコ')).toBe('MX');
  });
});

describe('English (learned layer + regions)', () => {
  it('tokenizes abbreviations, possessives and initials', () => {
    expect(tokenize("Dr. Dre met John F. Kennedy in the U.S. Japan's").map((t) => t.text)).toEqual(['Dr.', 'Dre', 'met', 'John', 'F.', 'Kennedy', 'in', 'the', 'U.S.', 'Japan', "'", 's']);
  });

  it('finds people, places and organisations in plain text and links a surname to the full name', () => {
    const ents = tag(
      'Secretary of State Antony Blinken arrived in Mexico City on Tuesday. Blinken met officials of the World Health Organization before flying to Canada.',
      'en',
    );
    expect(find(ents, 'Antony Blinken')).toMatchObject({ type: 'person' });
    expect(find(ents, 'Blinken')!.name).toBe('Antony Blinken');
    expect(find(ents, 'Antony Blinken')!.count).toBe(2);
    expect(find(ents, 'Canada')).toMatchObject({ type: 'place' });
    expect(find(ents, 'World Health Organization')?.type).toBe('organization');
    expect(find(ents, 'Mexico City')?.type).toBe('place');
    // The title is not part of the name.
    expect(find(ents, 'Secretary of State Antony Blinken')).toBeUndefined();
  });

  it('keeps dates and scores out of names: a dateline, a results line', () => {
    const ents = tag('LONDON 1996-08-30\nLeicestershire beat Somerset in the county championship .\nLeeds 2 Arsenal 1\nNo. 2 Commando landed .', 'en');
    const names = ents.map((e) => e.name);
    expect(names.some((n) => /\d/u.test(n) && !n.startsWith('No.'))).toBe(false);
    expect(names).toEqual(expect.arrayContaining(['LONDON', 'Leeds', 'Arsenal']));
  });
});

describe('Chinese rules and gazetteers', () => {
  it('finds dotted transliterations, title + name, the Latin form in parentheses, and place + organisation heads', () => {
    const ents = tag('美国国务卿安东尼‧布林肯（Antony Blinken）周二与加拿大外交部长马克‧加诺（Marc Garneau）通话。布林肯说，国务院将与国会合作。', 'zh');
    const blinken = find(ents, '布林肯')!;
    expect(blinken.type).toBe('person');
    expect([blinken.name, ...blinken.aliases]).toEqual(expect.arrayContaining(['布林肯', '安东尼‧布林肯', 'Antony Blinken']));
    expect(find(ents, '马克‧加诺')).toMatchObject({ type: 'person' });
    expect(find(ents, 'Marc Garneau')!.name).toBe(find(ents, '马克‧加诺')!.name);
    expect(find(ents, '加拿大')).toMatchObject({ type: 'place' });
    expect(find(ents, '国会')).toMatchObject({ type: 'organization' });
    // 外交部长 is a title: no organisation 外交部 is named.
    expect(find(ents, '外交部')).toBeUndefined();
  });

  it('names one person written two ways: 川普（特朗普）', () => {
    const ents = tag('前总统川普（特朗普）对中国采取更强硬的态度。', 'zh');
    const trump = find(ents, '川普')!;
    expect(trump.type).toBe('person');
    expect([trump.name, ...trump.aliases].sort()).toEqual(['川普', '特朗普']);
  });

  it('reads Chinese provinces and cities from the division data, and a surname + given name before a verb of saying', () => {
    const ents = tag('湖北省武汉市的市委书记张敬涛说，明天去广州。', 'zh');
    expect(find(ents, '湖北省')?.type).toBe('place');
    expect(find(ents, '广州')?.type).toBe('place');
    expect(find(ents, '张敬涛')?.type).toBe('person');
  });
});

describe('Japanese rules and gazetteers', () => {
  it('finds katakana full names, addresses, organisations by suffix and surname + given name', () => {
    const ents = tag('ヒラリー・クリントンは愛知県一宮市で講演した。日本証券クリアリング機構は、女優の山田花子と契約した。', 'ja');
    expect(find(ents, 'ヒラリー・クリントン')?.type).toBe('person');
    expect(find(ents, '愛知県一宮市')?.type).toBe('place');
    expect(find(ents, '日本証券クリアリング機構')?.type).toBe('organization');
    expect(find(ents, '山田花子')?.type).toBe('person');
  });

  it('never matches a gazetteer word inside a longer katakana word', () => {
    const ents = tag('オンラインでパスワードを変更した。', 'ja');
    expect(ents.filter((e) => e.type !== 'topic')).toEqual([]);
  });
});

describe('building blocks', () => {
  it('Lexicon finds the longest word at each position', () => {
    const lex = new Lexicon();
    lex.add('北京', 'place');
    lex.add('北京大学', 'organization');
    const out: Candidate[] = [];
    lex.scan('他在北京大学和北京', 0, 9, 'gazetteer', 1, out);
    expect(out.map((c) => [c.start, c.end, c.type])).toEqual([[2, 6, 'organization'], [7, 9, 'place']]);
  });

  it('resolveOverlaps keeps the higher priority, then the longer span', () => {
    const c = (start: number, end: number, priority: number): Candidate => ({ start, end, priority, type: 'person', source: 'rule' });
    const kept = resolveOverlaps([c(0, 3, 1), c(2, 6, 2), c(5, 9, 1), c(7, 8, 3)]);
    expect(kept.map((k) => [k.start, k.end])).toEqual([[2, 6], [7, 8]]);
  });

  it('FormIndex respects word boundaries in spaced scripts only', () => {
    const idx = new FormIndex(['Iran', '中国']);
    expect(idx.find('Iranian officials in Iran; 中国人').map((h) => h.form)).toEqual(['Iran', '中国']);
  });
});
