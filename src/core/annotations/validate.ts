import { reanchorAll } from './annotation.ts';
import {
  HIGHLIGHT_COLORS, MAX_ANNOTATIONS, MAX_EXACT, MAX_NOTE,
  type Annotation, type HighlightColor, type Selector,
} from './types.ts';

// Annotations arrive from imports and from pages: checked field by field and rebuilt from the
// known fields only, so nothing unexpected rides along into the store.

const str = (v: unknown): v is string => typeof v === 'string';
const isDate = (v: unknown): v is string => str(v) && !Number.isNaN(Date.parse(v));
export const ANNOTATION_ID = /^[\w:.-]{8,100}$/;

function selectors(v: unknown): Selector[] | string {
  const list = Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : null;
  if (!list) return 'no selector';
  const out: Selector[] = [];
  for (const s of list as Record<string, unknown>[]) {
    if (!s || typeof s !== 'object') return 'bad selector';
    if (s.type === 'TextQuoteSelector') {
      if (!str(s.exact) || !s.exact || s.exact.length > MAX_EXACT) return 'bad quote';
      if ((s.prefix !== undefined && !str(s.prefix)) || (s.suffix !== undefined && !str(s.suffix))) return 'bad quote context';
      out.push({ type: 'TextQuoteSelector', exact: s.exact, prefix: (s.prefix as string) ?? '', suffix: (s.suffix as string) ?? '' });
    } else if (s.type === 'TextPositionSelector') {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || (s.start as number) < 0 || (s.end as number) <= (s.start as number)) return 'bad position';
      out.push({ type: 'TextPositionSelector', start: s.start as number, end: s.end as number });
    }
  }
  const quotes = out.filter((s) => s.type === 'TextQuoteSelector');
  if (quotes.length !== 1) return 'needs one TextQuoteSelector';
  // Quote first, then at most one position.
  const pos = out.find((s) => s.type === 'TextPositionSelector');
  return pos ? [quotes[0]!, pos] : [quotes[0]!];
}

/** A clean copy of one annotation, or why it is refused. */
export function cleanAnnotation(v: unknown): Annotation | string {
  if (!v || typeof v !== 'object') return 'not an object';
  const a = v as Record<string, unknown>;
  if (!str(a.id) || !ANNOTATION_ID.test(a.id)) return 'bad id';
  if (!isDate(a.created) || !isDate(a.modified)) return 'bad dates';
  const target = a.target as Record<string, unknown> | undefined;
  if (!target || typeof target !== 'object') return 'no target';
  const sel = selectors(target.selector);
  if (typeof sel === 'string') return sel;
  const body = a.body as Record<string, unknown> | undefined;
  if (body !== undefined && (!body || typeof body !== 'object' || !str(body.value))) return 'bad body';
  const note = body ? (body.value as string).slice(0, MAX_NOTE) : '';
  const color: HighlightColor = HIGHLIGHT_COLORS.includes(a.color as HighlightColor) ? (a.color as HighlightColor) : 'yellow';
  const out: Annotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: a.id,
    type: 'Annotation',
    created: a.created,
    modified: a.modified,
    motivation: note ? 'commenting' : 'highlighting',
    target: { ...(str(target.source) ? { source: target.source } : {}), selector: sel },
    color,
  };
  if (note) out.body = { type: 'TextualBody', value: note, format: 'text/plain' };
  return out;
}

/** Why a clipping's annotations are unacceptable, or null. */
export function annotationsProblem(v: unknown): string | null {
  if (v === undefined) return null;
  if (!Array.isArray(v)) return 'annotations must be a list';
  if (v.length > MAX_ANNOTATIONS) return 'too many annotations';
  const ids = new Set<string>();
  for (let i = 0; i < v.length; i++) {
    const a = cleanAnnotation(v[i]);
    if (typeof a === 'string') return `annotation ${i}: ${a}`;
    if (ids.has(a.id)) return `annotation ${i}: duplicate id`;
    ids.add(a.id);
  }
  return null;
}

/**
 * Annotations as they will be stored with `text`: cleaned, and placed on that text (an export
 * anchored to another version of the article is re-anchored by its quotes). Call after
 * annotationsProblem returned null.
 */
export function settleAnnotations(v: unknown, text: string): Annotation[] {
  if (!Array.isArray(v) || v.length === 0) return [];
  const clean = v.map(cleanAnnotation).filter((a): a is Annotation => typeof a !== 'string');
  return reanchorAll(clean, text).annotations;
}
