import type { Req, Res } from '../shared/protocol.ts';
import { SiftError } from '../shared/errors.ts';
import { AnnotationError, type AnnotationChange } from '../core/annotations/change.ts';
import { ANNOTATION_ID, cleanAnnotation } from '../core/annotations/validate.ts';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../core/annotations/types.ts';
import { quotaSafe } from '../platform/store/quota.ts';
import type { ClipStore } from '../platform/store/clip-store.ts';
import { getStore, notifyChanged } from './store.ts';

// Highlight messages. A page's annotation is untrusted like an import: rebuilt from its known
// fields, placed on the stored text by the store, and acknowledged only once durable.

function clippingId(v: unknown): string {
  if (typeof v !== 'string' || !/^[\w-]{8,64}$/.test(v)) throw new SiftError('bad-request', 'Invalid clipping id.');
  return v;
}

function annotationId(v: unknown): string {
  if (typeof v !== 'string' || !ANNOTATION_ID.test(v)) throw new SiftError('bad-request', 'Invalid highlight id.');
  return v;
}

async function change(store: ClipStore, id: string, c: AnnotationChange) {
  try {
    const out = await quotaSafe(() => store.annotate(id, c));
    notifyChanged();
    return out;
  } catch (err) {
    if (err instanceof AnnotationError) throw new SiftError(err.code === 'not-found' ? 'not-found' : 'bad-request', err.message);
    if (err instanceof Error && /^No clipping /.test(err.message)) throw new SiftError('not-found', 'The clipping is no longer in the library.');
    throw err;
  }
}

export async function addAnnotation(req: Req<'annotation.add'>, store = getStore()): Promise<Res<'annotation.add'>> {
  const annotation = cleanAnnotation(req.annotation);
  if (typeof annotation === 'string') throw new SiftError('bad-request', `Invalid highlight: ${annotation}`);
  const out = await change(store, clippingId(req.clippingId), { op: 'add', annotation });
  return { annotation: out.annotation! };
}

export async function updateAnnotation(req: Req<'annotation.update'>, store = getStore()): Promise<Res<'annotation.update'>> {
  const patch: { color?: HighlightColor; note?: string } = {};
  if (req.color !== undefined) {
    if (!HIGHLIGHT_COLORS.includes(req.color)) throw new SiftError('bad-request', 'Unknown colour.');
    patch.color = req.color;
  }
  if (req.note !== undefined) patch.note = String(req.note);
  const out = await change(store, clippingId(req.clippingId), { op: 'update', id: annotationId(req.id), patch });
  return { annotation: out.annotation! };
}

export async function deleteAnnotation(req: Req<'annotation.delete'>, store = getStore()): Promise<Res<'annotation.delete'>> {
  const out = await change(store, clippingId(req.clippingId), { op: 'delete', id: annotationId(req.id) });
  return { deleted: out.annotation };
}

export async function findByUrl(req: Req<'clipping.findByUrl'>, store = getStore()): Promise<Res<'clipping.findByUrl'>> {
  if (typeof req.url !== 'string' || req.url.length > 8_000) throw new SiftError('bad-request', 'Invalid URL.');
  const c = await store.findByUrl(req.url);
  return c ? { id: c.id, annotations: c.annotations ?? [] } : null;
}
