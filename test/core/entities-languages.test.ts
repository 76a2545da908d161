import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/core/entities/index.ts';
import { stemMatch } from '../../src/core/entities/cased-fallback.ts';
import { articleLanguage, blockLanguages } from '../../src/core/text/language-id.ts';
import type { Entity } from '../../src/core/types.ts';
import { readPageTags } from '../../src/core/entities/page-tags.ts';
import { parse } from '../helpers.ts';

// Each tagger only on text in its language; languages with no model get the evidence-only
// fallback (issue 17: the English model on Polish and Cyrillic pages tagged function words and
// calendar days as places and people).
const tag = (text: string, lang: string | null, title = ''): Entity[] => findEntities({ doc: null, article: { title, text, lang } });
const names = (ents: Entity[]): string[] => ents.map((e) => e.name);

const RU =
  'Президент России Владимир Путин провёл в среду встречу с канцлером Германии. По словам пресс-секретаря, ' +
  'стороны обсудили поставки газа и ситуацию на Украине. Встреча прошла в Москве, а затем Путин ответил на вопросы журналистов.';
const PL =
  'W Polsce premier Donald Tusk powiedział w środę, że rząd nie zmieni planu. Tego samego dnia minister finansów, ' +
  'którego zdaniem budżet jest bezpieczny, spotkał się z posłami. Sam premier nie chciał tego komentować.';

describe('language of the article and of its blocks', () => {
  it('reads the language from the text, not from a site template\'s lang attribute', () => {
    expect(articleLanguage(RU, 'en')).toBe('ru');
    expect(articleLanguage(PL, 'en')).toBe('pl');
    expect(articleLanguage('The minister said on Tuesday that the government would not change its plans for the budget this year.', null)).toBe('en');
    expect(articleLanguage('美国国务卿布林肯周二表示，美国将继续与盟友合作。', 'en')).toBe('zh');
    // Too short to tell by trigrams: the declared language stands.
    expect(articleLanguage('Brexit deal', 'en')).toBe('en');
  });

  it('gives a block in another script its own language', () => {
    const text = `${RU}\nThe minister said on Tuesday that the government would not change its plans for the budget.`;
    const blocks = blockLanguages(text, 'ru');
    expect(blocks.map((b) => b.lang)).toEqual(['ru', 'en']);
    expect(text.slice(blocks[1]!.start, blocks[1]!.end)).toMatch(/^The minister/);
  });
});

describe('gating: no English model on Polish, Russian or Greek text', () => {
  it('tags no Polish function words and no Cyrillic weekday abbreviations', () => {
    const pl = names(tag(PL, 'pl'));
    for (const w of ['Tego', 'tego', 'którego', 'Sam', 'W Polsce']) expect(pl).not.toContain(w);
    const cal = names(tag(`Пн Вт Ср Чт Пт Сб Вс\n${RU}`, 'ru'));
    for (const d of ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс']) expect(cal).not.toContain(d);
  });

  it('finds names in Russian and Polish by evidence: titles, first names, inflected region names', () => {
    const ru = tag(RU, 'ru');
    expect(ru.find((e) => e.name === 'Владимир Путин')).toMatchObject({ type: 'person' });
    expect(ru.find((e) => e.name === 'России')).toMatchObject({ type: 'place' });
    expect(ru.find((e) => e.name === 'Германии')).toMatchObject({ type: 'place' });
    const pl = tag(PL, 'pl');
    expect(pl.find((e) => e.name === 'Donald Tusk')).toMatchObject({ type: 'person' });
    // "W Polsce" opens a sentence: its preposition is no part of the name.
    expect(pl.find((e) => e.name.startsWith('W '))).toBeUndefined();
  });

  it('leaves out a capitalised run it has no evidence for: better no name than a wrong one', () => {
    const ents = tag('Вчера в клубе «Зелёный Остров» выступил ансамбль. Публика из Зелёного Острова аплодировала.', 'ru');
    expect(ents.filter((e) => e.type !== 'topic')).toEqual([]);
  });

  it('still runs the English model on English blocks of a Russian page', () => {
    const text = `${RU}\nOlaf Scholz, the German chancellor, met Vladimir Putin in Moscow on Wednesday, officials said.`;
    const ents = tag(text, 'ru');
    expect(ents.find((e) => e.name === 'Olaf Scholz')).toMatchObject({ type: 'person' });
    expect(ents.find((e) => e.name === 'Moscow')).toMatchObject({ type: 'place' });
  });

  it('matches inflected forms on the stem only where the language inflects', () => {
    expect(stemMatch('россии', 'россия', true)).toBe(true);
    expect(stemMatch('германии', 'германия', true)).toBe(true);
    expect(stemMatch('австрии', 'австралия', true)).toBe(false);
    expect(stemMatch('малину', 'мали', true)).toBe(false);
    expect(stemMatch('russias', 'russia', false)).toBe(false);
  });
});

describe('tag links: the article\'s own, never a site-wide cloud', () => {
  it('skips a block of many tag links and little else, keeps a handful under the article and tags inline in text', () => {
    const cloud = Array.from({ length: 14 }, (_, i) => `<li><a href="/tag/t${i}">Country${i}</a></li>`).join('');
    const doc = parse(`<body><div class="box"><ul>${cloud}</ul></div>
      <div><p>Text with <a href="/tag/berlin">Berlin</a> inline, and more words around it.</p></div>
      <div class="article-tags"><a href="/tag/a">Alpha</a> <a href="/tag/b">Beta</a></div></body>`);
    expect(readPageTags(doc).map((t) => t.name)).toEqual(['Berlin', 'Alpha', 'Beta']);
  });
});

describe('German: nouns the training set writes outside names are no names', () => {
  it('lists no common noun as a person, keeps the names', () => {
    const text =
      'Viele Kollegen arbeiten seit Wochen von zu Hause aus. Kollegen, die Kontakt mit Kunden haben, tragen Masken. ' +
      'Fragen beantwortet Matthias Frankenstein, Sprecher der Firma in Berlin. Matthias Frankenstein sagt, Firmen müssten handeln.';
    const names = tag(text, 'de').map((e) => e.name);
    for (const noun of ['Kollegen', 'Hause', 'Kontakt', 'Fragen', 'Firmen']) expect(names).not.toContain(noun);
    expect(names).toContain('Matthias Frankenstein');
    expect(names).toContain('Berlin');
  });
});
