import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/core/pipeline.ts';
import type { Entity } from '../../src/core/types.ts';
import { seedDoc } from '../helpers.ts';

// The page the product was described from: every person, place and organisation the article
// names, with the right type, and the five page tags carrying the page-tag source.
describe('entities of the seed page', () => {
  const out = runPipeline(seedDoc(), { uiLang: 'en' });
  if (!out.ok) throw new Error('pipeline failed');
  const ents = out.entities;
  const find = (name: string): Entity | undefined => ents.find((e) => e.name === name || e.aliases.includes(name));

  it('knows 布林肯 by all three of his names', () => {
    const b = find('布林肯')!;
    expect(b).toMatchObject({ name: '布林肯', type: 'person' });
    expect(b.aliases).toEqual(expect.arrayContaining(['安东尼‧布林肯', 'Antony Blinken']));
    expect(b.count).toBeGreaterThanOrEqual(10);
  });

  it('finds the four countries he called, and the foreign ministers by name', () => {
    for (const c of ['加拿大', '墨西哥', '日本', '韩国']) expect(find(c)?.type, c).toBe('place');
    for (const [zh, en] of [['马克‧加诺', 'Marc Garneau'], ['马塞洛‧埃布拉德', 'Marcelo Ebrard'], ['康京和', 'Kang Kyung-wha'], ['茂木敏充', 'Toshimitsu Motegi']]) {
      const e = find(zh!);
      expect(e?.type, zh).toBe('person');
      expect([e!.name, ...e!.aliases], zh).toContain(en);
    }
  });

  it('takes the one-character abbreviations of 美墨两国 and 美韩日 for the countries named in full', () => {
    expect(find('墨')).toBe(find('墨西哥'));
    expect(find('韩')).toBe(find('韩国'));
    expect(ents.filter((e) => e.name === '墨' || e.name === '韩')).toEqual([]);
  });

  it('finds the other people and the institutions', () => {
    for (const p of ['拜登', '蓬佩奥', '川普', '特朗普']) expect(find(p)?.type, p).toBe('person');
    expect(find('川普')).toBe(find('特朗普'));
    for (const o of ['美国国务院', '国务院', '参议院', '国会']) expect(find(o)?.type, o).toBe('organization');
    expect(find('美国')?.type).toBe('place');
  });

  it('marks the five names the page tags carry with the page-tag source', () => {
    for (const name of ['布林肯', '加拿大', '墨西哥', '日本', '韩国']) expect(find(name)!.sources, name).toContain('page-tag');
  });

  it('finds no person where the text names none', () => {
    const people = ents.filter((e) => e.type === 'person').map((e) => e.name);
    for (const word of ['通话', '一职', '详细', '外交部']) expect(people).not.toContain(word);
  });

  it('reads the lead caption: 华盛顿 (在华盛顿特区国务院) is a place, and the photo credit names nobody', () => {
    expect(find('华盛顿')?.type).toBe('place');
    expect(find('华盛顿特区国务院')).toBeUndefined();
    for (const credit of ['CARLOS BARRIA', 'POOL', 'AFP', 'Getty Images']) expect(find(credit), credit).toBeUndefined();
  });

  it('takes "三国同盟关系" (a three-country alliance) for no organisation', () => {
    expect(find('同盟')).toBeUndefined();
  });
});
