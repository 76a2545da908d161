import { anchor, describe, prepare, type Prepared, type Span } from './anchor.ts';
import { fold, toFolded, type Folded } from './fold.ts';

// Between a rendered article (DOM text nodes) and the clipping's `text` (block text, whitespace
// normalised, captions left out). The rendered text is the text nodes joined as they are; the
// two agree once whitespace is folded away, which is what lets an offset in one become an
// offset in the other. When they do not agree (an older clipping, a caption), quotes decide.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FIGCAPTION']);

export interface TextMap {
  root: Node;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
  /** Folded for matching; made on first use (wrapping marks rebuilds the map, not the text). */
  readonly prepared: Prepared;
  index: Map<Text, number>;
}

export function buildTextMap(root: Node): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let at = 0;
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = (c as Text).data;
        if (!v) continue;
        nodes.push(c as Text);
        starts.push(at);
        parts.push(v);
        at += v.length;
      } else if (c.nodeType === 1 && !SKIP.has((c as Element).tagName.toUpperCase())) walk(c);
    }
  };
  // Articles are shallow; Readability output never nests deeper than the stack allows.
  walk(root);
  const text = parts.join('');
  let prepared: Prepared | null = null;
  return {
    root, nodes, starts, text,
    get prepared() {
      return (prepared ??= prepare(text));
    },
    index: new Map(nodes.map((n, i) => [n, i])),
  };
}

/** The map offset of a DOM boundary point, or null when it is outside the mapped text. */
export function offsetOf(map: TextMap, container: Node, offset: number): number | null {
  if (container.nodeType === 3) {
    const i = map.index.get(container as Text);
    if (i !== undefined) return map.starts[i]! + Math.min(offset, (container as Text).data.length);
  }
  if (!map.root.contains(container)) return null;
  // An element boundary (or a skipped text node): the first mapped text at or after it.
  const doc = map.root.ownerDocument ?? (map.root as Document);
  const point = doc.createRange();
  point.setStart(container, offset);
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // -1: the node's start is before the point.
    if (point.comparePoint(map.nodes[mid]!, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  // Inside the node before (the point falls within a skipped subtree of it): its end.
  return lo < map.nodes.length ? map.starts[lo]! : map.text.length;
}

/** The map span of a DOM range, clipped to the mapped text; null when empty. */
export function rangeToSpan(map: TextMap, range: Range): Span | null {
  const start = map.root.contains(range.startContainer) ? offsetOf(map, range.startContainer, range.startOffset) : 0;
  const end = map.root.contains(range.endContainer) ? offsetOf(map, range.endContainer, range.endOffset) : map.text.length;
  if (start === null || end === null) return null;
  let s = start;
  let e = end;
  // Whitespace at the edges of a selection is not part of what was meant.
  while (s < e && /\s/.test(map.text[s]!)) s++;
  while (e > s && /\s/.test(map.text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

export interface Segment {
  node: Text;
  from: number;
  to: number;
}

/** The pieces of text nodes that make up a span, in document order; blank pieces left out. */
export function segments(map: TextMap, span: Span): Segment[] {
  const out: Segment[] = [];
  let lo = 0;
  let hi = map.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= span.start) lo = mid;
    else hi = mid - 1;
  }
  for (let i = lo; i < map.nodes.length && map.starts[i]! < span.end; i++) {
    const node = map.nodes[i]!;
    const from = Math.max(0, span.start - map.starts[i]!);
    const to = Math.min(node.data.length, span.end - map.starts[i]!);
    if (to > from && /\S/.test(node.data.slice(from, to))) out.push({ node, from, to });
  }
  return out;
}

/** Offsets of two texts that fold to the same string translate through the folded offsets. */
function translate(from: Folded, to: Folded, span: Span): Span | null {
  const fs = toFolded(from, span.start);
  const fe = toFolded(from, span.end);
  if (fe <= fs || fe > to.map.length) return null;
  return { start: to.map[fs]!, end: to.map[fe - 1]! + 1 };
}

/** Whether the rendered text and the clipping's text are the same words. */
export function sameWords(map: TextMap, text: Prepared): boolean {
  return map.prepared.folded.text === text.folded.text;
}

/** A span of the rendered text as a span of the clipping's text (null if not in it). */
export function mapToText(map: TextMap, text: Prepared, span: Span): Span | null {
  if (sameWords(map, text)) return translate(map.prepared.folded, text.folded, span);
  const hint = scaled(span, map.text.length, text.raw.length);
  const found = anchor(text, describe(map.text, span), hint);
  return found && { start: found.start, end: found.end };
}

/** A span of the clipping's text in the rendered text, by its quote when the words differ. */
export function textToMap(map: TextMap, text: Prepared, span: Span, quote: { exact: string; prefix: string; suffix: string }): Span | null {
  if (sameWords(map, text)) return translate(text.folded, map.prepared.folded, span);
  const found = anchor(map.prepared, quote, scaled(span, text.raw.length, map.text.length));
  return found && { start: found.start, end: found.end };
}

function scaled(span: Span, from: number, to: number): Span {
  const k = from ? to / from : 1;
  return { start: Math.round(span.start * k), end: Math.round(span.end * k) };
}

export { fold };
