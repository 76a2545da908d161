import { describe, expect, it } from 'vitest';
import { findNamesAndTags } from '../../src/core/entities/index.ts';
import { tagsApart } from '../../src/core/entities/page-tags.ts';
import { runPipeline } from '../../src/core/pipeline.ts';
import type { Entity } from '../../src/core/types.ts';
import { parse } from '../helpers.ts';

const ent = (name: string, aliases: string[] = []): Entity => ({ name, type: 'person', aliases, count: 1, sources: ['model'] });

// "Tags on the page": the page's own tags that are not names in the article are listed apart,
// never as names with no mentions and never highlighted.
describe('tags apart from the names', () => {
  it('keeps the tags that are no name of the article (by any form, case aside), once each', () => {
    const names = [ent('Angela Merkel', ['Merkel'])];
    expect(tagsApart(['Economy', 'merkel', 'Angela  Merkel', 'economy', 'Budget 2024'], names)).toEqual(['Economy', 'Budget 2024']);
  });

  it('drops one- and two-letter words of split keyword lists, keeps acronyms', () => {
    expect(tagsApart(['от', 'de', 'EU', '—', 'Ekonomia'], [])).toEqual(['EU', 'Ekonomia']);
  });

  it('finds the names in the text and the declared topics apart, from keywords meta, tag links and JSON-LD', () => {
    const doc = parse(`<html><head><meta name="keywords" content="economy, Angela Merkel, от">
      <script type="application/ld+json">{"@type":"NewsArticle","keywords":["budget talks"]}</script></head>
      <body><article><p>Chancellor Angela Merkel met the finance ministers in Berlin on Tuesday.</p>
      <div class="tags"><a href="/tag/eurozone">Eurozone</a></div></article></body></html>`);
    const text = 'Chancellor Angela Merkel met the finance ministers in Berlin on Tuesday.';
    const { entities, pageTags } = findNamesAndTags({ doc, article: { title: '', text, lang: 'en' } });
    expect(entities.map((e) => e.name)).toContain('Angela Merkel');
    // Never a name with no mentions: none of the tags is in the names list.
    for (const e of entities) expect(e.count).toBeGreaterThan(0);
    expect(entities.map((e) => e.name)).not.toContain('Eurozone');
    expect(pageTags).toEqual(['Eurozone', 'economy', 'budget talks']);
  });

  it('comes out of the whole pipeline beside the entities', () => {
    const body = 'Chancellor Angela Merkel met the finance ministers in Berlin on Tuesday. '.repeat(20);
    const doc = parse(`<html><head><title>Talks</title><meta name="keywords" content="economy, budget"></head>
      <body><article><h1>Talks</h1><p>${body}</p><p>${body}</p></article></body></html>`, 'https://example.org/a');
    const out = runPipeline(doc, { url: 'https://example.org/a' });
    expect(out.ok && out.pageTags).toEqual(['economy', 'budget']);
  });
});
