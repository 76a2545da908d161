import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/core/entities/index.ts';
import type { Entity } from '../../src/core/types.ts';

// German capitalises every noun, so capitals are no evidence of names there: the German pack
// learned that from WikiANN; without it, latin-de.ts filters the English model's spans.
const tag = (text: string, lang: string): string[] => findEntities({ doc: null, article: { title: '', text, lang } }).map((e: Entity) => e.name);

// Sentences in the style of a Tagesspiegel report (trafilatura-dev) on firms in the pandemic.
const TEXT =
  'Die Beschäftigten tragen seit Wochen Masken. Der Berater sagte, bei Daimler gelten neue Regeln für die Beschäftigten. ' +
  'Bei Daimler arbeiten die Teams in Schichten. Die Backstube von Karsten Berning in Berlin bleibt geöffnet, sagte der Berater.';

describe('German text', () => {
  it('drops nouns that take an article and cuts articles, prepositions and nouns in front of names', () => {
    const names = tag(TEXT, 'de');
    for (const bad of ['Die Beschäftigten', 'Beschäftigten', 'Der Berater', 'Berater', 'Bei Daimler', 'Die Backstube von Karsten Berning']) expect(names).not.toContain(bad);
    expect(names).toEqual(expect.arrayContaining(['Daimler', 'Karsten Berning', 'Berlin']));
  });

  it('drops common nouns of German prose said as one word with no grammar evidence, keeps the names', () => {
    // No determiner before "Politik" or "Religion" here: the prose noun list knows them
    // (data/de-prose-nouns.json; before it, the pack listed them as an organisation and a place).
    const text =
      'Das sagte Bundesfinanzminister Wolfgang Schäuble am Montag in Berlin. Im Theater wurde über Politik gesprochen. ' +
      'Religion spielte keine Rolle, sagte Henry Tesch, der auch Die Zeit las.';
    const names = tag(text, 'de');
    for (const bad of ['Theater', 'Politik', 'Religion']) expect(names).not.toContain(bad);
    expect(names).toEqual(expect.arrayContaining(['Wolfgang Schäuble', 'Berlin', 'Henry Tesch']));
  });

  it('without the German pack, reads German with the English model and drops nouns by their articles', () => {
    const packs = (globalThis as { __siftPacks?: Record<string, unknown> }).__siftPacks!;
    const de = packs.de;
    delete packs.de;
    try {
      const names = tag(TEXT, 'de');
      for (const bad of ['Die Beschäftigten', 'Der Berater', 'Bei Daimler']) expect(names).not.toContain(bad);
      expect(names).toEqual(expect.arrayContaining(['Daimler', 'Karsten Berning']));
    } finally {
      packs.de = de;
    }
  });
});
