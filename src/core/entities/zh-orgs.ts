// Chinese organisation names built from parts, the way most are: a place or a national prefix
// (美国, 河北省, 中国, 全国), up to six characters, and an organisation head (国务院, 委员会,
// 大学, 公安局, 队).
import type { Candidate } from './candidate.ts';
import { STOP } from './zh-names.ts';

// Heads that end a name. Not 政府: in 美国政府 the name to keep is the country.
const HEADS =
  '国务院|参议院|众议院|国会|议会|外交部|国防部|财政部|商务部|司法部|内政部|农业部|教育部|卫生部|委员会|省委|市委|县委|党委|大学|学院|研究院|研究所|银行|集团|公司|协会|联合会|组织|法院|检察院|电视台|通讯社|日报|时报|报社|足协|俱乐部|代表团|队' +
  '|常委会|人大|政协|人民法院|人民检察院|公安局|公安厅|内阁|学会|商会|工会|基金会|研究会|促进会|理事会|董事会|研究中心|科学院|有限公司|中学|小学|医院|出版社|新闻社|电台|晚报|杂志社|球队|工厂|总厂|分厂|办公室|办事处|组委会|纪委|军区|部队|舰队|联盟|机构';
const HEAD = new RegExp(`^(?:${HEADS.split('|').sort((a, b) => b.length - a.length).join('|')})`);
// One-character heads (河北省公安厅, 天津市纪委), taken only at the end of a word: before a
// particle or punctuation, a title of the organisation's head (书记, 主任), a verb it does, or the
// head again (公安局局长).
const SINGLE_HEAD = /^[部局厅处委会院社团厂行所台报党军馆站署办组]/;
const AFTER_SINGLE = /^[书主副领负召举发决已将也还都日今近最首率派]/;
// Characters between the place and the head: 河北省(人民)检察院, 青岛(海牛)队.
const GAP = 6;

// Institutions only a country has (the State Council or Department, the foreign and defence
// ministries): after a city or a state they are the country's, not the city's, and the place
// before them is a place of its own (在华盛顿特区国务院: 华盛顿特区 and 国务院).
export const NATIONAL_HEAD = /(?:国务院|外交部|国防部)$/;

const isHan = (ch: string | undefined): boolean => !!ch && /\p{Script=Han}/u.test(ch);

/** End of the organisation whose name starts at `start` and continues after `from`, or -1. */
function orgEnd(text: string, start: number, from: number): number {
  for (let gap = 0; gap <= GAP; gap++) {
    const at = from + gap;
    if (gap > 0 && (!isHan(text[at - 1]) || STOP.has(text[at - 1]!))) break;
    const head = HEAD.exec(text.slice(at, at + 6));
    // 外交部长, 院长: the head of an organisation is a title, not the organisation.
    if (head && text[at + head[0].length] === '长') return -1;
    if (head) return at + head[0].length;
    if (gap >= 1 && SINGLE_HEAD.test(text[at] ?? '')) {
      const next = text[at + 1];
      if (next === '长') return -1;
      if (!isHan(next) || STOP.has(next!) || next === text[at] || AFTER_SINGLE.test(next!)) return at + 1;
    }
  }
  return -1;
}

/**
 * Organisation candidates from the places and organisations found (`places`: gazetteer spans;
 * a known organisation heads longer names too: 联合国安全理事会, 欧盟委员会) and national prefixes.
 * `isCountry` tells a country or region from a city or state, for the national heads.
 */
export function zhOrgCandidates(text: string, places: Candidate[], out: Candidate[], isCountry: (name: string) => boolean = () => true): void {
  for (const p of places) {
    const end = orgEnd(text, p.start, p.end);
    if (end > p.end && p.type === 'place' && NATIONAL_HEAD.test(text.slice(p.start, end)) && !isCountry(text.slice(p.start, p.end))) continue;
    if (end > p.end) out.push({ start: p.start, end, type: 'organization', source: 'rule', priority: 3 });
  }
  // National and international prefixes start names without a place: 中国人民银行, 全国总工会,
  // 国家计委, 国际奥委会, 联邦调查局.
  for (const m of text.matchAll(/中国|全国|国家|中央|中共|中华|国际|世界|联邦/g)) {
    const at = m.index!;
    const end = orgEnd(text, at, at + m[0].length);
    if (end > at + m[0].length) out.push({ start: at, end, type: 'organization', source: 'rule', priority: 2 });
  }
}
