// How the Chinese model's votes and the rules' votes become one set of candidates, by weights
// measured on the dev sets (peoplesdaily-zh-dev and cluener-zh-dev together; README "Entity
// models"). The model reads the rules' spans as features, so where it speaks it wins. Where it
// is silent, a rule's span is kept only for the classes whose names were right more often than
// half the model's F1 there (a kept name then raises the expected F1): country and region names
// (0.59 right) and institutions named alone (参议院, 国会: 0.55). Every other class (other
// gazetteer places 0.15, organisations 0.11, the name rules 0.17 and below) stays out.
import type { Candidate } from '../candidate.ts';
import { isZhRegion } from '../zh.ts';
import { NATIONAL_HEAD } from '../zh-orgs.ts';
import { tag } from './registry.ts';

function trustedAlone(text: string, r: Candidate): boolean {
  if (r.source === 'gazetteer' && r.type === 'place') return isZhRegion(text.slice(r.start, r.end));
  return r.source === 'rule' && r.type === 'organization' && r.priority === 1;
}

/**
 * A place the model reads as one (湖北省武汉市, CLUENER's addresses) that the rules' places tile
 * exactly: each unit is its own place, as in news corpora (MSRA, People's Daily). Measured:
 * peoplesdaily-zh-dev typed F1 0.683 -> 0.686, cluener-zh-dev 0.651 -> 0.646 (CLUENER joins them).
 */
function tiles(m: { start: number; end: number }, rules: Candidate[]): { start: number; end: number; type: Candidate['type'] }[] | null {
  const out: Candidate[] = [];
  for (let at = m.start; at < m.end; ) {
    const next = rules.filter((r) => r.type === 'place' && r.start === at && r.end <= m.end).sort((a, b) => b.end - a.end)[0];
    if (!next) return null;
    out.push(next);
    at = next.end;
  }
  return out.length >= 2 ? out : null;
}

/**
 * An organisation the model reads over a city or state and a national institution (在华盛顿特区
 * 国务院): organisations of a place are named with it (河北省公安厅), but only a country has a
 * 国务院 or a foreign ministry (zh-orgs.ts), so the place the rules read before the head (华盛顿特区,
 * also where the model's span starts inside it) and the head are two names.
 */
function nationalSplit(text: string, m: { start: number; end: number; type: string }, rules: Candidate[]): Candidate[] | null {
  if (m.type !== 'organization') return null;
  const head = NATIONAL_HEAD.exec(text.slice(m.start, m.end));
  if (!head || head.index === 0) return null;
  const at = m.start + head.index;
  const place = rules.filter((r) => r.type === 'place' && r.end === at && r.start < at && r.start <= m.start + 1).sort((a, b) => a.start - b.start)[0];
  if (!place || isZhRegion(text.slice(place.start, place.end))) return null;
  return [
    { start: place.start, end: at, type: 'place', source: 'model', priority: 7 },
    { start: at, end: m.end, type: 'organization', source: 'model', priority: 7 },
  ];
}

/** Days and relative dates, which follow a subject in news (布林肯周二在参议院…): never part of a name. */
const TIME_END = /(?:周[一二三四五六日末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|[今昨明前]天|[上本下]周|[今去明前]年|当天|日前|近日)$/u;
const TIME_START = new RegExp(`^${TIME_END.source.slice(0, -1)}`, 'u');

/**
 * A span without the punctuation or space at its edges (the model runs over 'Blinken）'), or a
 * day or relative date at either end; null when nothing is left.
 */
function trimmed<T extends { start: number; end: number }>(text: string, m: T): T | null {
  let { start, end } = m;
  for (let changed = true; changed && end > start; ) {
    const before = end - start;
    while (start < end && /[\p{P}\s]/u.test(text[start]!)) start++;
    while (end > start && /[\p{P}\s]/u.test(text[end - 1]!)) end--;
    end -= TIME_END.exec(text.slice(start, end))?.[0].length ?? 0;
    start += TIME_START.exec(text.slice(start, end))?.[0].length ?? 0;
    changed = end - start < before;
  }
  // Nor Latin letters: the character model splits a Latin name between types (Ivan a person,
  // Pentchoukov an organisation); the rules read a Latin run in Chinese text whole. Measured:
  // cluener-zh-dev typed F1 0.682 -> 0.677, peoplesdaily-zh-dev unchanged (0.692).
  if (end <= start || /[A-Za-z]/.test(text.slice(start, end))) return null;
  return { ...m, start, end };
}

/**
 * `voting`: the spans go to votes.ts with their votes (every rule's span among them); else the
 * fixed order below (the model wins where it speaks; alone, only the trusted rule classes).
 */
export function zhCombined(text: string, rules: Candidate[], voting = false): Candidate[] {
  const found = tag('zh', text, rules);
  if (found.length === 0 && !voting) return rules;
  // 外交部长, 院长: an organisation's head is a title; the organisation is not named (as in zh.ts).
  const named = found.flatMap((m) => trimmed(text, m) ?? []).filter((m) => !(m.type === 'organization' && text[m.end] === '长'));
  const national = named.flatMap((m) => nationalSplit(text, m, rules) ?? []);
  const split = named
    .filter((m) => !nationalSplit(text, m, rules))
    .flatMap((m): { start: number; end: number; type: Candidate['type']; score?: number }[] => (m.type === 'place' ? (tiles(m, rules) ?? [m]) : [m]));
  const model: Candidate[] = split.map((m) => {
    // Title + name (priority 5) reading a longer name of the same type over the model's span:
    // 外长康京和 where the model stops at 康京. Measured: one name either way on the dev sets.
    const longer = rules.find((r) => r.type === m.type && r.priority >= 5 && r.start <= m.start && r.end >= m.end && r.end - r.start > m.end - m.start);
    return { start: longer?.start ?? m.start, end: longer?.end ?? m.end, type: m.type, source: 'model', priority: 6, score: m.score };
  });
  if (voting) {
    // Every layer's span with its vote (votes.ts weighs them): the model's, and each rule family's.
    const family = (r: Candidate): string => `zh:${r.source}${r.priority}${r.source === 'gazetteer' && r.type === 'place' && isZhRegion(text.slice(r.start, r.end)) ? '-region' : ''}:${r.type}`;
    return [
      ...national.map((m) => ({ ...m, vote: `zh:split:${m.type}` })),
      ...model.map((m) => ({ ...m, vote: `zh:model:${m.type}` })),
      // The fixed order below is one more voter: the rule spans it would drop say so.
      ...rules.map((r) => ({ ...r, priority: 0, vote: family(r), ...(trustedAlone(text, r) && !model.some((m) => m.start < r.end && r.start < m.end) ? {} : { fixedOut: true }) })),
    ];
  }
  const alone = rules.filter((r) => trustedAlone(text, r) && !model.some((m) => m.start < r.end && r.start < m.end));
  return [...national, ...model, ...alone.map((r) => ({ ...r, priority: 0 }))];
}
