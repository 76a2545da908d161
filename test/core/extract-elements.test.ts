import { describe, expect, it } from 'vitest';
import { byTag, closestWhere, descendantsWhere, firstDescendant, firstWhere, hasDescendant } from '../../src/core/extract/elements.ts';
import { parse } from '../helpers.ts';

// The walkers replace selector calls for speed alone (elements.ts): they must find exactly what
// the selectors find, in the same order, on a tree with nesting, SVG and attributes.
const HTML = `<body><div id="a"><p>one <a href="/x">x</a></p><figure id="f"><svg><path/></svg><figcaption>cap</figcaption></figure>
<section itemprop="articleBody"><h2 class="Title">t</h2><article><h1>h</h1><p data-k="1">two <a href="/y">y</a><img src="i.jpg"></p></article></section>
<table><tr><td>1</td><th>2</th></tr></table><picture><source srcset="s.jpg 1x"></picture></div><main><h3 id="subtitle">s</h3></main></body>`;

describe('element walkers (elements.ts)', () => {
  const doc = parse(HTML, 'https://example.com/p');
  const body = doc.body!;
  const ids = (els: Element[]): string[] => els.map((e) => `${e.localName}:${e.textContent?.slice(0, 6)}`);

  it('list the same elements as the selectors, in document order', () => {
    for (const tag of ['a', 'p', 'img', '*', 'h1']) expect(byTag(body, tag)).toEqual(Array.from(body.querySelectorAll(tag)));
    const test = (e: Element): boolean => e.localName === 'article' || e.localName === 'main' || e.getAttribute('itemprop') === 'articleBody';
    expect(ids(descendantsWhere(body, test))).toEqual(ids(Array.from(body.querySelectorAll('article, main, [itemprop="articleBody"]'))));
    expect(descendantsWhere(body, test).length).toBe(3);
    expect(firstWhere(body, (e) => e.hasAttribute('data-k'))).toBe(body.querySelector('[data-k]'));
  });

  it('answer descendant and ancestor questions as querySelector and closest do', () => {
    const div = doc.getElementById('a')!;
    const figure = doc.getElementById('f')!;
    for (const names of [['img', 'picture'], ['svg'], ['figcaption'], ['video', 'iframe']]) {
      for (const root of [div, figure, body.querySelector('article')!]) {
        expect(hasDescendant(root, new Set(names))).toBe(root.querySelector(names.join(',')) !== null);
        expect(firstDescendant(root, new Set(names))).toBe(root.querySelector(names.join(',')));
      }
    }
    const path = body.querySelector('path')!;
    expect(closestWhere(path, (e) => e.localName === 'figure')).toBe(path.closest('figure'));
    expect(closestWhere(figure, (e) => e.localName === 'figure')).toBe(figure);
    expect(closestWhere(path, (e) => e.localName === 'aside')).toBeNull();
  });
});
