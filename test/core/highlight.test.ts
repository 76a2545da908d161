import { describe, expect, it } from 'vitest';
import { highlightEntities } from '../../src/core/entities/highlight.ts';
import type { Entity } from '../../src/core/types.ts';
import { parse } from '../helpers.ts';

const ent = (name: string, type: Entity['type'], aliases: string[] = []): Entity => ({ name, type, aliases, count: 1, sources: ['rule'] });

describe('highlightEntities', () => {
  it('wraps mentions in marks with type and canonical name, aliases included', () => {
    const doc = parse('<div><p>Antony Blinken met Blinken’s staff. 布林肯说。</p></div>');
    const root = doc.querySelector('div')!;
    const n = highlightEntities(root, [ent('布林肯', 'person', ['Antony Blinken', 'Blinken'])], new Set(['person']));
    expect(n).toBe(3);
    const marks = Array.from(root.querySelectorAll('mark'));
    expect(marks.map((m) => m.textContent)).toEqual(['Antony Blinken', 'Blinken', '布林肯']);
    for (const m of marks) {
      expect(m.getAttribute('data-entity')).toBe('布林肯');
      expect(m.getAttribute('data-entity-type')).toBe('person');
    }
  });

  it('respects word boundaries for Latin names', () => {
    const doc = parse('<p>Iranian officials met in Iran.</p>');
    highlightEntities(doc.body, [ent('Iran', 'place')], new Set(['place']));
    expect(Array.from(doc.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['Iran']);
  });

  it('shows only enabled types', () => {
    const doc = parse('<p>Paris and Google</p>');
    highlightEntities(doc.body, [ent('Paris', 'place'), ent('Google', 'organization')], new Set(['organization']));
    expect(Array.from(doc.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['Google']);
  });

  it('never turns an entity name into markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const doc = parse(`<p>before &lt;img src=x onerror=alert(1)&gt; after</p>`);
    highlightEntities(doc.body, [ent(evil, 'topic')], new Set(['topic']));
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('mark')!.textContent).toBe(evil);
    expect(doc.querySelector('mark')!.getAttribute('data-entity')).toBe(evil);
  });

  it('marks a name split across inline elements, one mark per piece', () => {
    const doc = parse('<p>Secretary Antony <b>Blinken</b> spoke.</p>');
    const n = highlightEntities(doc.body, [ent('Antony Blinken', 'person')], new Set(['person']));
    expect(n).toBe(1);
    const marks = Array.from(doc.querySelectorAll('mark'));
    expect(marks.map((m) => m.textContent)).toEqual(['Antony ', 'Blinken']);
    expect(marks.every((m) => m.getAttribute('data-entity') === 'Antony Blinken')).toBe(true);
    expect(doc.body.textContent).toBe('Secretary Antony Blinken spoke.');
  });

  it('joins CJK text that markup broke with line breaks, but not across blocks', () => {
    const doc = parse('<p>国务卿安东尼‧\n <a href="/tag/1">\n  布林肯\n </a>（Antony Blinken）</p><p>安东尼‧</p><p>布林肯</p>');
    const n = highlightEntities(doc.body, [ent('布林肯', 'person', ['安东尼‧布林肯', 'Antony Blinken'])], new Set(['person']));
    // The split name and its Latin form in the first paragraph; 布林肯 alone in the third.
    expect(n).toBe(3);
    const first = Array.from(doc.querySelectorAll('p')[0]!.querySelectorAll('mark')).map((m) => m.textContent!.trim());
    expect(first).toEqual(['安东尼‧', '布林肯', 'Antony Blinken']);
  });

  it('leaves code and existing marks alone', () => {
    const doc = parse('<p><code>Paris</code> and <mark>Paris</mark> and Paris</p>');
    expect(highlightEntities(doc.body, [ent('Paris', 'place')], new Set(['place']))).toBe(1);
    expect(doc.querySelectorAll('mark[data-entity]')).toHaveLength(1);
  });
});
