import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/core/entities/index.ts';
import { caseForms, nominativeOf } from '../../src/core/entities/inflected.ts';
import { nounsByGrammar } from '../../src/core/entities/latin-de.ts';

const tag = (text: string, lang: string) => findEntities({ doc: null, article: { title: '', text, lang } });

describe('Russian case forms of one name', () => {
  it('lists Путин / Путина / Путину and Москва / Москвы / Москве once each, under the nominative the text writes', () => {
    const ents = tag(
      'Президент России Владимир Путин прилетел в Москву. Встреча Владимира Путина с мэром Москвы прошла вечером. ' +
        'Путину показали новый парк. В Москве прошёл митинг. Мэр Москвы Сергей Собянин сказал, что Москва готова.',
      'ru',
    );
    const putin = ents.filter((e) => /Путин/u.test(e.name) || e.aliases.some((a) => /Путин/u.test(a)));
    expect(putin).toHaveLength(1);
    expect(putin[0]!.name).toBe('Владимир Путин');
    expect(putin[0]!.aliases).toEqual(expect.arrayContaining(['Владимира Путина', 'Путину']));
    const moscow = ents.filter((e) => /Москв/u.test(e.name) || e.aliases.some((a) => /Москв/u.test(a)));
    expect(moscow).toHaveLength(1);
    expect(moscow[0]!.name).toBe('Москва');
    expect(moscow[0]!.type).toBe('place');
  });

  it('keeps a country in brackets after a person apart from the person', () => {
    const ents = tag('Василий Иванчук (Украина) выиграл партию. Сборная Украины заняла второе место.', 'ru');
    expect(ents.find((e) => e.name === 'Василий Иванчук')?.type).toBe('person');
    expect(ents.find((e) => e.name === 'Василий Иванчук')?.aliases ?? []).not.toContain('Украина');
  });

  it('never names a group by a form the text does not write, and links only case endings', () => {
    expect(nominativeOf([['Следственного комитета', 2], ['Следственный комитет', 1]])).toBe('Следственный комитет');
    expect(nominativeOf([['Ивановой', 2], ['Иванова', 1]])).toBe('Иванова');
    expect(nominativeOf([['Путина', 3], ['Путину', 1]])).toBe('Путина');
    expect(caseForms('Испания', 'Испанец')).toBe(false);
    expect(caseForms('Москва', 'Москвы')).toBe(true);
    expect(caseForms('Berlin', 'Berlins')).toBe(false);
  });
});

describe('German common nouns by the text\'s own grammar', () => {
  it('takes words after determiners names do not take, and compound heads, as nouns', () => {
    const nouns = nounsByGrammar('Wer weiß, welche finanzielle Belastung er tragen kann. Das Leben eines Mannes. Dieselkraftstoff ist teuer, Kraftstoff auch.');
    for (const n of ['Belastung', 'Mann', 'Kraftstoff']) expect(nouns.has(n) || nouns.has(`${n}es`)).toBe(true);
  });

  it('takes no evidence from the definite article, across a sentence end, or from a place prefix', () => {
    const nouns = nounsByGrammar('Er fuhr in der westlichen Ostsee. Das war sein.\nHannover liegt in Niedersachsen, nicht in Sachsen.');
    for (const n of ['Ostsee', 'Hannover', 'Sachsen']) expect(nouns.has(n)).toBe(false);
  });

  it('drops a common noun the German pack reads as a name, and keeps the names', () => {
    const names = tag('Ein Mann kam nach Berlin. Angela Merkel sprach mit dem Mann über eine neue Belastung. Unser Atem hilft. Aus Methan wird Methanol, das Methan entweicht.', 'de').map((e) => e.name);
    for (const bad of ['Mann', 'Belastung', 'Unser Atem', 'Atem']) expect(names).not.toContain(bad);
    expect(names).toEqual(expect.arrayContaining(['Angela Merkel', 'Berlin']));
  });
});

describe('the French, Portuguese, Dutch and German packs on prose', () => {
  it('keeps WikiANN-style names through lower-case words and drops prose that runs on', async () => {
    const { packSpanOk } = await import('../../src/core/entities/latin-filters.ts');
    const ok = (s: string, type = 'organization'): boolean => packSpanOk(s, 0, s.length, type);
    for (const good of ['équipe de France', 'région du Tigré', 'rivière Arkansas', '3e arrondissement de Paris', "championnat d'Uruguay", 'Chambre des communes du Canada', 'La Paz'])
      expect(ok(good)).toBe(true);
    expect(ok('de Gaulle', 'person')).toBe(true);
    for (const bad of ['adhérents de la CGT', 'caisse de grève', 'janeiro de 2018', '22 % de la population de cette région de l’Europe', 'Les travailleurs éligibles', 'da República', 'A estratégia de Pacheco', 'Meta do presidente de'])
      expect(ok(bad)).toBe(false);
  });
});
