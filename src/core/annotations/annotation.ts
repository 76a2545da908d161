import { anchor, describe, prepare, type Prepared, type Span } from './anchor.ts';
import {
  CONTEXT_CHARS, MAX_NOTE, positionOf, quoteOf,
  type Annotation, type HighlightColor, type Selector, type TextQuoteSelector,
} from './types.ts';

/** The selectors of text[start, end): quote with context, and position. */
export function selectorsFor(text: string, span: Span): Selector[] {
  return [
    { type: 'TextQuoteSelector', ...describe(text, span, CONTEXT_CHARS) },
    { type: 'TextPositionSelector', start: span.start, end: span.end },
  ];
}

export function cleanNote(note: unknown): string {
  return typeof note === 'string' ? note.slice(0, MAX_NOTE) : '';
}

function withNote<T extends Annotation>(a: T, note: string): T {
  const out = { ...a, motivation: note ? 'commenting' : 'highlighting' } as T;
  if (note) out.body = { type: 'TextualBody', value: note, format: 'text/plain' };
  else delete out.body;
  return out;
}

export function makeAnnotation(
  id: string, text: string, span: Span, color: HighlightColor, note = '', now = new Date(),
): Annotation {
  const iso = now.toISOString();
  return withNote({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    created: iso,
    modified: iso,
    motivation: 'highlighting',
    target: { selector: selectorsFor(text, span) },
    color,
  }, cleanNote(note));
}

export interface AnnotationPatch {
  color?: HighlightColor;
  note?: string;
}

export function patchAnnotation(a: Annotation, patch: AnnotationPatch, now = new Date()): Annotation {
  let out: Annotation = { ...a, modified: now.toISOString() };
  if (patch.color) out.color = patch.color;
  if (patch.note !== undefined) out = withNote(out, cleanNote(patch.note));
  return out;
}

export type Placement = 'kept' | 'exact' | 'fuzzy' | 'not-found';

/**
 * Place one annotation in a text: unchanged when its position still holds its quote, moved (with
 * a fresh quote from the text) when found elsewhere, and kept with its quote alone when not found.
 */
export function reanchor(a: Annotation, text: Prepared): { annotation: Annotation; placement: Placement } {
  const quote = quoteOf(a);
  const pos = positionOf(a);
  const found = anchor(text, quote, pos);
  if (!found) {
    return { annotation: { ...a, target: { ...a.target, selector: [quote] } }, placement: 'not-found' };
  }
  if (pos && found.start === pos.start && found.end === pos.end && text.raw.slice(pos.start, pos.end) === quote.exact) {
    const fresh = describe(text.raw, found, CONTEXT_CHARS);
    if (fresh.prefix === quote.prefix && fresh.suffix === quote.suffix) return { annotation: a, placement: 'kept' };
  }
  return { annotation: { ...a, target: { ...a.target, selector: selectorsFor(text.raw, found) } }, placement: found.how };
}

export interface ReanchorReport {
  annotations: Annotation[];
  kept: number;
  exact: number;
  fuzzy: number;
  notFound: number;
}

/** Every annotation of a clipping on its (new) text. Nothing is dropped. */
export function reanchorAll(list: readonly Annotation[], text: string | Prepared): ReanchorReport {
  const prepared = typeof text === 'string' ? prepare(text) : text;
  const report: ReanchorReport = { annotations: [], kept: 0, exact: 0, fuzzy: 0, notFound: 0 };
  for (const a of list) {
    const { annotation, placement } = reanchor(a, prepared);
    report.annotations.push(annotation);
    if (placement === 'kept') report.kept++;
    else if (placement === 'exact') report.exact++;
    else if (placement === 'fuzzy') report.fuzzy++;
    else report.notFound++;
  }
  return report;
}

export function isPlaced(a: Annotation): boolean {
  return positionOf(a) !== null;
}

export type { TextQuoteSelector };
