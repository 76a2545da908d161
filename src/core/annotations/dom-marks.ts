import type { Prepared } from './anchor.ts';
import { buildTextMap, segments, textToMap, type TextMap } from './text-map.ts';
import { positionOf, quoteOf, type Annotation } from './types.ts';

// Highlights into a DOM: one <mark data-annotation-id data-annotation-color> around each piece
// of text node a highlight covers. Shared by the readers and the HTML and Markdown exports. Only
// existing text nodes are wrapped; nothing is parsed, no text is added.

function wrap(map: TextMap, span: { start: number; end: number }, a: Annotation): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const { node, from, to } of segments(map, span).reverse()) {
    if (to < node.data.length) node.splitText(to);
    const piece = from > 0 ? node.splitText(from) : node;
    const mark = node.ownerDocument.createElement('mark');
    mark.dataset.annotationId = a.id;
    mark.dataset.annotationColor = a.color;
    piece.replaceWith(mark);
    mark.append(piece);
    marks.unshift(mark);
  }
  return marks;
}

/**
 * Mark `list` in `body`, the rendering of a clipping whose text is `text`. Returns the ids with
 * no place in this rendering; `each` is called with a highlight's marks, in document order.
 */
export function markHighlights(
  body: HTMLElement, text: Prepared, list: readonly Annotation[], each?: (a: Annotation, marks: HTMLElement[]) => void,
): Set<string> {
  const missing = new Set<string>();
  const first = buildTextMap(body);
  const spans: { a: Annotation; span: { start: number; end: number } }[] = [];
  for (const a of list) {
    const pos = positionOf(a);
    const span = pos ? textToMap(first, text, pos, quoteOf(a)) : null;
    if (span) spans.push({ a, span });
    else missing.add(a.id);
  }
  // Wrapping splits text nodes but never changes the text: the spans stay valid, the node list
  // is rebuilt for each highlight.
  let map = first;
  for (const { a, span } of spans) {
    const marks = wrap(map, span, a);
    if (marks.length === 0) missing.add(a.id);
    else each?.(a, marks);
    map = buildTextMap(body);
  }
  return missing;
}
