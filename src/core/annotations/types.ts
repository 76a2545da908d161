// Highlights and notes, stored in the W3C Web Annotation data model (https://www.w3.org/TR/annotation-model/)
// so that the JSON export is the stored record: nothing to convert, nothing lost on a round trip.

/** The highlight colours. Each may carry a label the user gives it in the options. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Up to CONTEXT_CHARS characters of the text just before `exact`. */
  prefix: string;
  /** Up to CONTEXT_CHARS characters of the text just after `exact`. */
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offsets in the clipping's `text` (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export interface Annotation {
  '@context'?: 'http://www.w3.org/ns/anno.jsonld';
  /** Client-made before the first write (`urn:uuid:…`), so a retried add cannot duplicate. */
  id: string;
  type: 'Annotation';
  /** ISO 8601. */
  created: string;
  modified: string;
  /** 'commenting' when the highlight carries a note. */
  motivation: 'highlighting' | 'commenting';
  /** The note; absent without one. */
  body?: { type: 'TextualBody'; value: string; format?: 'text/plain' };
  /**
   * The quote always; the position only while the quote is placed in the clipping's text. A
   * highlight that a re-save could not place keeps its quote and loses its position: it is
   * listed as "not found in the new text", never dropped.
   */
  target: { source?: string; selector: Selector[] };
  color: HighlightColor;
}

/** Characters of context kept on each side of a quote (what Hypothesis and most annotators keep). */
export const CONTEXT_CHARS = 32;
/** The longest note kept; longer notes are cut (a note is a margin note, not a document). */
export const MAX_NOTE = 20_000;
/** The longest highlight kept, in characters of text. */
export const MAX_EXACT = 100_000;
/** Highlights per clipping. */
export const MAX_ANNOTATIONS = 2_000;

export function newAnnotationId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

export function quoteOf(a: Annotation): TextQuoteSelector {
  return a.target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
}

export function positionOf(a: Annotation): TextPositionSelector | null {
  return a.target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector') ?? null;
}

export function noteOf(a: Annotation): string {
  return a.body?.value ?? '';
}

/** Highlights in reading order; those not placed in the text come last, oldest first. */
export function readingOrder(list: readonly Annotation[]): Annotation[] {
  return [...list].sort((a, b) => {
    const pa = positionOf(a);
    const pb = positionOf(b);
    if (pa && pb) return pa.start - pb.start || pa.end - pb.end;
    if (pa || pb) return pa ? -1 : 1;
    return a.created.localeCompare(b.created);
  });
}

/**
 * A note or quote as shown (lists, titles, exports): without the bidi embedding, override and
 * isolate controls, which an imported note could use to make text read differently from what it
 * is ("gnp.exe" shown as "exe.png"). The stored text keeps them; editing shows it as stored.
 */
export function shownText(s: string): string {
  return s.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}
