import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/core/entities/index.ts';
import { stemMatch } from '../../src/core/entities/cased-fallback.ts';
import type { Entity } from '../../src/core/types.ts';

// Russian has no model: the evidence-only fallback with gazetteers and rules, precision first.
const tag = (text: string): Entity[] => findEntities({ doc: null, article: { title: '', text, lang: 'ru' } });
const typeOf = (ents: Entity[], name: string): string | undefined => ents.find((e) => e.name === name || e.aliases.includes(name))?.type;

describe('Russian names by rules and lists', () => {
  it('types a country after a title as a place, not a person ("посол Италии")', () => {
    const ents = tag('Чрезвычайный и полномочный посол Италии в Грузии встретился с заместителем министра.');
    expect(typeOf(ents, 'Италии')).toBe('place');
    expect(typeOf(ents, 'Грузии')).toBe('place');
  });

  it('knows listed cities in any case, acronyms of states and organisations', () => {
    const ents = tag('В Москве прошло заседание. Представители США и НАТО прилетели из Вашингтона, а эксперты МЧС России остались в Киеве.');
    expect(typeOf(ents, 'Москве')).toBe('place');
    expect(typeOf(ents, 'Вашингтона')).toBe('place');
    expect(typeOf(ents, 'Киеве')).toBe('place');
    expect(typeOf(ents, 'США')).toBe('place');
    expect(typeOf(ents, 'НАТО')).toBe('organization');
    expect(typeOf(ents, 'МЧС')).toBe('organization');
    expect(typeOf(ents, 'России')).toBe('place');
  });

  it('finds a surname alone in another case after the full name, and an initial with a surname', () => {
    const ents = tag('Министр финансов Алексей Кудрин выступил в Москве. Позже А. Кудрин добавил, что бюджет сбалансирован. Решение Кудрина поддержали в правительстве.');
    expect(typeOf(ents, 'Алексей Кудрин')).toBe('person');
    expect(typeOf(ents, 'А. Кудрин')).toBe('person');
    expect(typeOf(ents, 'Кудрина')).toBe('person');
  });

  it('splits a region, an organisation and a person run together, and keeps adjectives out of people', () => {
    const ents = tag('Глава Роскосмоса Анатолий Перминов прибыл вчера. Президент Российской Федерации Дмитрий Медведев заявил, что в Южной Каролине все спокойно, а председатель Конституционного суда промолчал.');
    expect(typeOf(ents, 'Анатолий Перминов')).toBe('person');
    expect(typeOf(ents, 'Дмитрий Медведев')).toBe('person');
    expect(typeOf(ents, 'Российской Федерации')).toBe('place');
    expect(typeOf(ents, 'Южной Каролине')).not.toBe('person');
    expect(typeOf(ents, 'Конституционного')).toBeUndefined();
  });

  it('matches a stem only with a case ending in Cyrillic: a demonym or a longer word is no form of a country', () => {
    expect(stemMatch('испании', 'испания', true)).toBe(true);
    expect(stemMatch('испанец', 'испания', true)).toBe(false);
    expect(stemMatch('ираклий', 'ирак', true)).toBe(false);
    expect(stemMatch('москвой', 'москва', true)).toBe(true);
  });
});

describe('Russian organisations, capitalised on the first word only', () => {
  it('reads a capitalised head with its complement, and adjectives before a head, mid-sentence', () => {
    const ents = tag('Об этом сообщил представитель Министерства сельского хозяйства Германии. Доклад подготовил Комитет защиты журналистов, а проверку ведёт Федеральное авиационное управление.');
    expect(typeOf(ents, 'Министерства сельского хозяйства Германии')).toBe('organization');
    expect(typeOf(ents, 'Комитет защиты журналистов')).toBe('organization');
    expect(typeOf(ents, 'Федеральное авиационное управление')).toBe('organization');
  });

  it('leaves a country written like an organisation a place, and a sentence-initial head alone', () => {
    const ents = tag('Переговоры прошли в Российской Федерации. Банк повысил ставку на прошлой неделе.');
    expect(typeOf(ents, 'Российской Федерации')).toBe('place');
    expect(ents.map((e) => e.name).some((n) => n.startsWith('Банк'))).toBe(false);
  });
});
