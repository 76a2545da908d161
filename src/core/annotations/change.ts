import { patchAnnotation, reanchor, type AnnotationPatch } from './annotation.ts';
import { prepare } from './anchor.ts';
import { MAX_ANNOTATIONS, positionOf, type Annotation } from './types.ts';

// One change to a clipping's highlights, as the store applies it inside a transaction. Every
// change is idempotent, so a page that retries after a lost reply (the worker was killed) cannot
// add a highlight twice or fail on its own earlier success.

export type AnnotationChange =
  | { op: 'add'; annotation: Annotation }
  | { op: 'update'; id: string; patch: AnnotationPatch }
  | { op: 'delete'; id: string };

export interface ChangeResult {
  annotations: Annotation[];
  /** The annotation as stored after the change (for delete: as it was, or null if absent). */
  annotation: Annotation | null;
}

export class AnnotationError extends Error {
  constructor(readonly code: 'not-found' | 'not-placed' | 'too-many', message: string) {
    super(message);
  }
}

/**
 * Apply a change to `list`, the highlights of a clipping whose text is `text`. An added
 * highlight is placed on that text by its quote (its position may come from another reading of
 * the page); one that cannot be placed is refused rather than stored nowhere (unless it came
 * unplaced, as an undo of a "not found" highlight's deletion).
 */
export function applyAnnotationChange(list: readonly Annotation[], text: string, change: AnnotationChange, now = new Date()): ChangeResult {
  if (change.op === 'add') {
    const same = list.find((a) => a.id === change.annotation.id);
    if (same) return { annotations: [...list], annotation: same };
    if (list.length >= MAX_ANNOTATIONS) throw new AnnotationError('too-many', `At most ${MAX_ANNOTATIONS} highlights per clipping.`);
    const { annotation, placement } = reanchor(change.annotation, prepare(text));
    // A highlight put back by undo may be one that a re-save had already left unplaced.
    if (placement === 'not-found' && positionOf(change.annotation)) throw new AnnotationError('not-placed', 'The highlighted passage is not in the saved text.');
    return { annotations: [...list, annotation], annotation };
  }
  const i = list.findIndex((a) => a.id === change.id);
  if (change.op === 'delete') {
    if (i < 0) return { annotations: [...list], annotation: null };
    return { annotations: list.filter((_, k) => k !== i), annotation: list[i]! };
  }
  if (i < 0) throw new AnnotationError('not-found', 'No such highlight.');
  const next = patchAnnotation(list[i]!, change.patch, now);
  return { annotations: list.map((a, k) => (k === i ? next : a)), annotation: next };
}
