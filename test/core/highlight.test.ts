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
});
