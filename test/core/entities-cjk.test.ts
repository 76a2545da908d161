// Rules for Chinese and Japanese names built from parts: organisation heads, lists joined by ・,
// addresses next to names, full names whose surname is not listed, titles written into names.
import { describe, expect, it } from 'vitest';
import { captionText, findEntities } from '../../src/core/entities/index.ts';
import type { Entity } from '../../src/core/types.ts';

const tag = (text: string, lang: string): Entity[] => findEntities({ doc: null, article: { title: '', text, lang } });
const typeOf = (ents: Entity[], name: string): string | undefined => ents.find((e) => e.name === name || e.aliases.includes(name))?.type;

describe('Japanese organisation heads', () => {
  it('ends an organisation at a head such as 印刷, 化学, 楽団 or 労働組合', () => {
    const ents = tag('広告は大日本印刷が刷り、演奏は京都市交響楽団が担当した。', 'ja');
    expect(typeOf(ents, '大日本印刷')).toBe('organization');
    expect(typeOf(ents, '京都市交響楽団')).toBe('organization');
  });
  it('splits two organisations listed with ・', () => {
    const ents = tag('出資したのは三井銀行・住友生命で、交渉は長引いた。', 'ja');
    expect(typeOf(ents, '三井銀行')).toBe('organization');
    expect(typeOf(ents, '住友生命')).toBe('organization');
    expect(typeOf(ents, '三井銀行・住友生命')).toBeUndefined();
  });
});

describe('Japanese full names', () => {
  it('takes a full name whose surname is also a place or unlisted, by its given name', () => {
    const ents = tag('主演は女優の長山洋子であった。', 'ja');
    expect(typeOf(ents, '長山洋子')).toBe('person');
  });
  it('does not let a one-unit address (市村) swallow the start of a name', () => {
    const ents = tag('舞台では市村正親が主役を演じた。', 'ja');
    expect(typeOf(ents, '市村正親')).toBe('person');
    expect(typeOf(ents, '市村')).toBeUndefined();
  });
  it('leaves a title or a household word written into the kanji stretch out of the name', () => {
    const ents = tag('会見で山本一郎社長は増資を発表した。', 'ja');
    expect(typeOf(ents, '山本一郎')).toBe('person');
    expect(typeOf(ents, '山本一郎社長')).toBeUndefined();
  });
  it('still reads a chain of address units as one place', () => {
    expect(typeOf(tag('工場は愛知県一宮市にある。', 'ja'), '愛知県一宮市')).toBe('place');
  });
});

describe('Chinese organisations', () => {
  it('takes ministries and party committees named alone, but not the minister', () => {
    const ents = tag('财政部和市委昨天发出通知。外交部长随后抵达。', 'zh');
    expect(typeOf(ents, '财政部')).toBe('organization');
    expect(typeOf(ents, '市委')).toBe('organization');
    expect(ents.some((e) => e.name === '外交部')).toBe(false);
  });
  it('reads a county named alone after a word boundary, but not 全县 or 县长', () => {
    const ents = tag('记者来到玛多县，全县人民正在抗灾，县长说情况好转。', 'zh');
    expect(typeOf(ents, '玛多县')).toBe('place');
    expect(ents.some((e) => /全县|县长/.test(e.name))).toBe(false);
  });
  it('extends a known organisation by a head: 联合国 + 安全理事会', () => {
    expect(typeOf(tag('联合国安全理事会今天举行会议。', 'zh'), '联合国安全理事会')).toBe('organization');
  });
});

describe('Chinese names before an honorific', () => {
  it('ends a name before 先生 or 女士 rather than taking 先 or 女 as a given-name character', () => {
    const ents = tag('会上，王建国先生介绍了情况。随后刘芳女士发言。', 'zh');
    expect(typeOf(ents, '王建国')).toBe('person');
    expect(typeOf(ents, '刘芳')).toBe('person');
    expect(ents.some((e) => /先$|女$/.test(e.name))).toBe(false);
  });
  it('prefers the reading of a name that a title follows (周恩来总理)', () => {
    expect(typeOf(tag('周恩来总理曾经说过这句话。', 'zh'), '周恩来')).toBe('person');
  });
});

describe('what the character model reads that is no name', () => {
  it('a day after a name is not part of it, nor a name; a Latin name stays whole', () => {
    // The seed page's sentences: the 12-epoch zh pack read 布林肯周二 and 周二 as persons, and split
    // the reporter's Latin name into a person and an organisation.
    const ents = tag('（英文大纪元记者Ivan Pentchoukov报导／谢佳宣编译）布林肯周二在参议院以78-22的投票结果获得确认美国国务卿。布林肯表示，美国将继续合作。', 'zh');
    expect(typeOf(ents, '布林肯')).toBe('person');
    expect(ents.find((e) => e.name.includes('周二') || e.aliases.some((a) => a.includes('周二')))).toBeUndefined();
    expect(typeOf(ents, 'Ivan')).not.toBe('person');
    expect(typeOf(ents, 'Pentchoukov')).not.toBe('organization');
  });
});

describe('places before institutions, and one-character country names', () => {
  it('reads a city before a national institution as a place, a country before it as part of the name', () => {
    const ents = tag('布林肯在华盛顿特区国务院讲话。美国国务院和河北省公安厅发表声明。', 'zh');
    expect(typeOf(ents, '华盛顿')).toBe('place');
    expect(typeOf(ents, '华盛顿特区国务院')).toBeUndefined();
    expect(typeOf(ents, '美国国务院')).toBe('organization');
    expect(typeOf(ents, '河北省公安厅')).toBe('organization');
  });
  it('cuts the photo credit off the caption it reads', () => {
    expect(captionText({ text: '正文。', leadImage: { src: '', alt: '', caption: '布林肯在华盛顿讲话。(CARLOS BARRIA/POOL/AFP via Getty Images)' } })).toBe('布林肯在华盛顿讲话。');
    // The credit without brackets after the last sentence (sciencesetavenir.fr, a golden fixture).
    const fr = "Olivier Véran a mis en garde. Affirmation qui se révèle fausse. Nathan Alliard / Photononstop / AFP";
    expect(captionText({ text: 'Texte.', leadImage: { src: '', alt: '', caption: fr } })).toBe('Olivier Véran a mis en garde. Affirmation qui se révèle fausse.');
    const plain = 'Der Präsident in Bern. Er sprach mit Journalisten';
    expect(captionText({ text: 'Text.', leadImage: { src: '', alt: '', caption: plain } })).toBe(plain);
    expect(captionText({ text: '正文。', leadImage: { src: '', alt: '', caption: '会场一角（新华社记者李明摄）' } })).toBe('会场一角');
  });
  it('takes 米 for the United States before a word of state, not as rice', () => {
    expect(typeOf(tag('米大統領は日本を訪れた。', 'ja'), '米')).toBe('place');
    expect(typeOf(tag('新米を食べた。', 'ja'), '米')).toBeUndefined();
  });
});
