// From mentions to entities: one entity per thing named, however it is written. Links forms that
// name the same thing (a name and its form in parentheses, a full name and its last part), picks
// a type by vote and a canonical name, and counts every mention of every form.
import type { Entity, EntitySource, EntityType } from '../types.ts';
import type { Candidate, NameType } from './candidate.ts';
import { FormIndex } from './mentions.ts';
import { linkCaseForms, nominativeOf } from './inflected.ts';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const NAME_SEP = /[·‧•・＝]/u;
const LATIN_NAME = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,4}$/u;

interface Group {
  forms: Map<string, number>;
  votes: Map<EntityType, number>;
  /** The learned layer's summed confidence per type: breaks a tie of votes. */
  conf: Map<EntityType, number>;
  sources: Set<EntitySource>;
}

export interface ExtraName {
  name: string;
  type?: NameType;
  source: EntitySource;
}

class Forms {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

const clean = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** The last part of a person's name, which texts use alone after the first mention. */
function lastPart(name: string): string | null {
  if (NAME_SEP.test(name)) {
    const parts = name.split(NAME_SEP);
    const last = parts[parts.length - 1]!;
    return last.length >= 2 ? last : null;
  }
  if (CJK.test(name)) return null;
  const words = name.split(' ');
  const last = words[words.length - 1]!;
  return words.length >= 2 && /^\p{Lu}\p{Ll}{2,}$/u.test(last) ? last : null;
}

/**
 * `captionFrom`: where the lead caption the tagger also reads starts in `text` (index.ts). Its
 * mentions count only for a name the article text never says, so a caption neither reorders the
 * list nor changes which form names an entity.
 */
export function assemble(text: string, mentions: Candidate[], extra: ExtraName[], cjkDoc: boolean, captionFrom = text.length): Entity[] {
  const forms = new Forms();
  const groups = new Map<string, Group>();
  const typeOf = new Map<string, Map<EntityType, number>>();
  const sourcesOf = new Map<string, Set<EntitySource>>();
  const confOf = new Map<string, Map<EntityType, number>>();
  const note = (name: string, type: EntityType, source: EntitySource, weight: number): void => {
    if (!typeOf.has(name)) typeOf.set(name, new Map());
    const v = typeOf.get(name)!;
    v.set(type, (v.get(type) ?? 0) + weight);
    if (!sourcesOf.has(name)) sourcesOf.set(name, new Set());
    sourcesOf.get(name)!.add(source);
  };
  const named = mentions.map((m) => ({ ...m, name: clean(text.slice(m.start, m.end)) })).filter((m) => m.name.length >= 2 || CJK.test(m.name));
  // A type the context states outright ("the moon Europa") outweighs a dozen guesses by shape.
  for (const m of named) {
    note(m.name, m.type, m.source, m.byContext ? 50 : m.trimmed ? 0.5 : m.priority + 1);
    if (m.score === undefined) continue;
    if (!confOf.has(m.name)) confOf.set(m.name, new Map());
    const c = confOf.get(m.name)!;
    c.set(m.type, (c.get(m.type) ?? 0) + m.score);
  }

  // A name followed by another form in parentheses: 布林肯（Antony Blinken）, 川普（特朗普）.
  const byStart = new Map(named.map((m) => [m.start, m]));
  for (const m of named) {
    const open = /^\s*[（(]/u.exec(text.slice(m.end, m.end + 3));
    if (!open) continue;
    const inner = m.end + open[0].length;
    const close = text.slice(inner, inner + 60).search(/[）)]/u);
    if (close < 2) continue;
    const alias = clean(text.slice(inner, inner + close));
    const detected = byStart.get(inner);
    const sameSpan = detected && clean(text.slice(detected.start, detected.end)) === alias;
    // Only a person's Latin form or another transliteration, or a mention of the same type.
    // Not a name found there as another type: "Василий Иванчук (Украина)" gives the player's country.
    const otherType = sameSpan && detected.type !== m.type;
    if (!otherType && ((m.type === 'person' && (LATIN_NAME.test(alias) || (sameSpan && detected.type === 'person'))) || (sameSpan && detected.type === m.type))) {
      note(alias, m.type, m.source, 1);
      forms.union(m.name, alias);
    }
  }
  // Case forms of one Cyrillic name: Путин / Путина / Путину, Москва / Москвы / Москве.
  linkCaseForms([...typeOf].map(([name, votes]) => ({ name, type: leadingType(votes) })), (a, b) => forms.union(a, b));
  // Full names and their last part: 安东尼‧布林肯 / 布林肯, Antony Blinken / Blinken.
  const owners = new Map<string, Set<string>>();
  for (const name of typeOf.keys()) {
    const votes = typeOf.get(name)!;
    if ((votes.get('person') ?? 0) < Math.max(votes.get('place') ?? 0, votes.get('organization') ?? 0)) continue;
    const last = lastPart(name);
    if (!last) continue;
    if (!owners.has(last)) owners.set(last, new Set());
    owners.get(last)!.add(forms.find(name));
  }
  for (const [last, who] of owners) {
    if (who.size !== 1) continue; // two Smiths: leave "Smith" alone
    const full = [...who][0]!;
    if (!typeOf.has(last)) note(last, 'person', 'rule', 0);
    const lv = typeOf.get(last)!;
    // A last part found elsewhere as a place or organisation keeps its own identity, unless only
    // the learned layer said so and the full name came first ("Michael Webb ... Webb said").
    const guessedOnly = !CJK.test(last) && [...sourcesOf.get(last)!].every((x) => x === 'model');
    const fullFirst = (): boolean => text.indexOf(full) >= 0 && text.indexOf(full) < firstAlone(text, last, full);
    if ((lv.get('person') ?? 0) === 0 && lv.size > 0 && [...lv.values()].some((x) => x > 0)) {
      if (!(guessedOnly && fullFirst())) continue;
      // Its mentions were the person's all along: their votes go to the person.
      const total = [...lv.values()].reduce((a, b) => a + b, 0);
      lv.clear();
      lv.set('person', total);
    }
    forms.union(full, last);
  }
  // Again, for the last parts just noted ("Путина" of "Владимира Путина" and "Путину" alone).
  linkCaseForms([...typeOf].map(([name, votes]) => ({ name, type: leadingType(votes) })), (a, b) => forms.union(a, b));
  mergeFirstNames(text, typeOf, sourcesOf, forms);
  mergeCapitals(typeOf, forms);
  // A short name and the one longer name of the same type that starts with it: Hubble / Hubble
  // Space Telescope, Goddard / Goddard Space Flight Center (spaced text, whole words).
  mergePrefixNames(text, typeOf, forms);
  // An organisation named with and without its country: 美国国务院 / 国务院 (CJK only, where the
  // shorter name is a whole word at the end of the longer one).
  const orgs = [...typeOf.keys()].filter((n) => CJK.test(n) && (typeOf.get(n)!.get('organization') ?? 0) > 0);
  for (const short of orgs) {
    const longer = orgs.filter((n) => n.length > short.length && n.endsWith(short));
    if (short.length >= 2 && longer.length === 1) forms.union(longer[0]!, short);
  }
  // One-character abbreviations of a place also named in full: 美 / 美国, 日 / 日本, 墨 / 墨西哥
  // (美墨两国), 澳 / 澳大利亚; only where exactly one full name starts with it (美 beside 美国 and
  // 美洲 stays apart).
  const places = [...typeOf.keys()].filter((n) => (typeOf.get(n)!.get('place') ?? 0) > 0);
  for (const ch of places.filter((n) => n.length === 1)) {
    const full = places.filter((n) => n.length >= 2 && n.length <= 4 && n.startsWith(ch));
    if (full.length === 1) forms.union(full[0]!, ch);
  }
  // A city written with and without its unit: 华盛顿特区 / 华盛顿, 北京市 / 北京 (not 州 or 省:
  // 华盛顿州 is not the city of Washington).
  for (const name of places) {
    const bare = /^(\p{Script=Han}{2,})(?:特别行政区|特区|市)$/u.exec(name)?.[1];
    if (!bare || topType(typeOf.get(name)!) !== 'place') continue;
    const votes = typeOf.get(bare);
    if (votes && topType(votes) !== 'place') continue;
    if (!votes) note(bare, 'place', 'rule', 0);
    forms.union(name, bare);
  }
  for (const e of extra) {
    note(e.name, e.type ?? 'topic', e.source, e.type ? 3 : 0);
  }

  for (const [name, votes] of typeOf) {
    const root = forms.find(name);
    if (!groups.has(root)) groups.set(root, { forms: new Map(), votes: new Map(), conf: new Map(), sources: new Set() });
    const g = groups.get(root)!;
    g.forms.set(name, 0);
    for (const [t, v] of votes) g.votes.set(t, (g.votes.get(t) ?? 0) + v);
    for (const [t, v] of confOf.get(name) ?? []) g.conf.set(t, (g.conf.get(t) ?? 0) + v);
    for (const s of sourcesOf.get(name)!) g.sources.add(s);
  }

  // Count every form's mentions in one pass, longest form first.
  const owner = new Map<string, Group>();
  for (const g of groups.values()) for (const f of g.forms.keys()) owner.set(f, g);
  // A one-character form (美) would match inside any word: count only where a layer found it.
  const inCaption = new Map<Group, number>();
  const tally = (g: Group, form: string, at: number): void => {
    if (at >= captionFrom) inCaption.set(g, (inCaption.get(g) ?? 0) + 1);
    else g.forms.set(form, g.forms.get(form)! + 1);
  };
  for (const hit of new FormIndex([...owner.keys()].filter((f) => f.length > 1)).find(text)) tally(owner.get(hit.form)!, hit.form, hit.start);
  for (const m of named) {
    if (m.name.length === 1 && owner.has(m.name)) tally(owner.get(m.name)!, m.name, m.start);
  }

  const out: Entity[] = [];
  for (const g of groups.values()) {
    const count = [...g.forms.values()].reduce((a, b) => a + b, 0) || (inCaption.get(g) ?? 0);
    // Page tags, keywords and JSON-LD are evidence for a mention's type and name, never a name on
    // their own: what the article (title and text) never says is not listed.
    if (count === 0) continue;
    // Document-level consistency: one type per thing named, the mentions' majority; on a tie
    // (one mention a person, one a place) the type the learned layer was surer of.
    const scored = [...g.votes].filter(([t]) => t !== 'topic').sort((a, b) => b[1] - a[1] || (g.conf.get(b[0]) ?? 0) - (g.conf.get(a[0]) ?? 0));
    const type: EntityType = scored[0]?.[0] ?? 'topic';
    const name = canonical(g, cjkDoc);
    // A topic only the page declares, with no layer to say what it names, is no name of the
    // article: CMSs fill keywords with its frequent words ("流感", "Angst", "города") and section
    // labels. It is shown apart, under "Tags on the page" (page-tags.ts, tagsApart).
    if (type === 'topic') continue;
    out.push({ name, type, aliases: [...g.forms.keys()].filter((f) => f !== name), count, sources: [...g.sources] });
  }
  // Code-unit order on ties, not localeCompare: that would start ICU in the page's renderer (see
  // region-sets.ts); the panel sorts for display in its own page.
  return out.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The type with the most votes, a zero vote included (a last part noted by rule only). */
function leadingType(votes: Map<EntityType, number>): string {
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function topType(votes: Map<EntityType, number>): EntityType | null {
  let best: EntityType | null = null;
  for (const [t, v] of votes) if (v > 0 && (best === null || v > votes.get(best)!)) best = t;
  return best;
}

/**
 * A person's first word used alone after the full name: "Xi Jinping ... directives from Xi" (the
 * family name comes first in Chinese names). Only when the learned layer alone found the word and
 * typed it as a place, one full name has it, and the full name came first; its votes go to the
 * person.
 */
function mergeFirstNames(text: string, typeOf: Map<string, Map<EntityType, number>>, sourcesOf: Map<string, Set<EntitySource>>, forms: Forms): void {
  const owners = new Map<string, Map<string, string>>();
  for (const [name, votes] of typeOf) {
    if (CJK.test(name) || (votes.get('person') ?? 0) < Math.max(votes.get('place') ?? 0, votes.get('organization') ?? 0)) continue;
    const first = name.split(' ')[0]!;
    if (first === name || !/^\p{Lu}\p{Ll}+$/u.test(first)) continue;
    if (!owners.has(first)) owners.set(first, new Map());
    owners.get(first)!.set(forms.find(name), name);
  }
  for (const [first, who] of owners) {
    const votes = typeOf.get(first);
    if (who.size !== 1 || !votes || forms.find(first) !== first || ![...sourcesOf.get(first)!].every((x) => x === 'model')) continue;
    // Only a word the model misread as a place: a company's name starts its products' names
    // ("Disney" / "Disney Plus"), and a first name alone may well be someone else.
    if (topType(votes) !== 'place') continue;
    const [root, full] = [...who][0]!;
    const at = text.indexOf(full);
    if (at < 0 || at > firstAlone(text, first, full)) continue;
    const total = [...votes.values()].reduce((a, b) => a + b, 0);
    votes.clear();
    votes.set('person', total);
    forms.union(root, first);
  }
}

/**
 * A name written in capitals in a headline or dateline ("JAPAN GET LUCKY WIN", "LONDON
 * 1996-08-30") and as usual in the text ("Japan") is one thing: one group, whose mentions vote on
 * its type together.
 */
function mergeCapitals(typeOf: Map<string, Map<EntityType, number>>, forms: Forms): void {
  const byLower = new Map<string, string>();
  for (const name of typeOf.keys()) if (/\p{Ll}/u.test(name)) byLower.set(name.toLowerCase(), name);
  for (const name of typeOf.keys()) {
    if (/\p{Ll}/u.test(name) || !/\p{Lu}.*\p{Lu}/u.test(name)) continue;
    const usual = byLower.get(name.toLowerCase());
    if (usual) forms.union(usual, name);
  }
}

/** Where `short` first stands alone in `text` (as whole words, not as the start of `longer`). */
function firstAlone(text: string, short: string, longer: string): number {
  for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + 1)) {
    const edge = (ch: string | undefined): boolean => !ch || !/[\p{L}\p{N}]/u.test(ch);
    if (edge(text[at - 1]) && edge(text[at + short.length]) && !text.startsWith(longer, at)) return at;
  }
  return -1;
}

/**
 * Spaced text names a thing in full at first and then by its first word(s): "NASA's Hubble Space
 * Telescope ... Hubble's detection". Only organisations and places (a person's short form is the
 * last name, above); only when the longer name goes on with capitalised words, is the only such
 * name of that type ("Amazon" does not swallow both "Amazon Music" and "Amazon Prime"), and comes
 * first: a short name used before a longer one ("White House" ... "White House Russia adviser")
 * was no abbreviation of it.
 */
function mergePrefixNames(text: string, typeOf: Map<string, Map<EntityType, number>>, forms: { union(a: string, b: string): void }): void {
  const byType = new Map<EntityType, string[]>();
  for (const [name, votes] of typeOf) {
    const t = topType(votes);
    if ((t === 'organization' || t === 'place') && !CJK.test(name)) {
      if (!byType.has(t)) byType.set(t, []);
      byType.get(t)!.push(name);
    }
  }
  const goesOn = /^(?:\p{Lu}[\p{L}\p{M}.'’-]*|of|the|and|for|on|de)(?:\s|$)/u;
  for (const names of byType.values()) {
    for (const short of names) {
      if (short.length < 3) continue;
      const longer = names.filter((n) => n.length > short.length + 1 && n.startsWith(`${short} `) && goesOn.test(n.slice(short.length + 1)) && !/\s\p{Ll}+$/u.test(n));
      if (longer.length !== 1) continue;
      const full = text.indexOf(longer[0]!);
      const alone = firstAlone(text, short, longer[0]!);
      if (full >= 0 && (alone < 0 || full < alone)) forms.union(longer[0]!, short);
    }
  }
}

/** In CJK text the form used most (布林肯); in spaced text the fullest (Antony Blinken), not in capitals. */
function canonical(g: Group, cjkDoc: boolean): string {
  const list = [...g.forms];
  // Cyrillic case forms: the nominative of the fullest name ("Владимир Путин", not "Владимира Путина").
  const most = Math.max(...list.map(([f]) => f.split(/\s+/u).length));
  const nominative = cjkDoc ? null : nominativeOf(list.filter(([f]) => f.split(/\s+/u).length === most));
  if (nominative) return nominative;
  const own = list.filter(([f]) => CJK.test(f) === cjkDoc);
  const pool = own.length ? own : list;
  // A form in capitals ("JAPAN", from a headline) names the group only when it has no other.
  const shouted = (f: string): number => (/\p{Ll}/u.test(f) ? 0 : 1);
  pool.sort((a, b) => (cjkDoc ? b[1] - a[1] : 0) || shouted(a[0]) - shouted(b[0]) || b[0].length - a[0].length || b[1] - a[1]);
  return pool[0]![0];
}
