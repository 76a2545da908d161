import { clippingCard, mergeSave, type Clipping, type ClippingCard } from '../../core/clipping.ts';
import type { SaveResult } from '../../shared/protocol.ts';
import type { ClipPatch, ClipStore } from './clip-store.ts';
import { applyAnnotationChange, type AnnotationChange, type ChangeResult } from '../../core/annotations/change.ts';

/** The same contract in memory, for pages built and tested without a browser. */
export class MemoryStore implements ClipStore {
  private readonly rows = new Map<string, Clipping>();

  async save(clipping: Clipping): Promise<SaveResult> {
    const sameId = this.rows.get(clipping.id);
    const sameUrl = sameId ? undefined : [...this.rows.values()].find((c) => c.canonicalUrl === clipping.canonicalUrl);
    const { record, created, highlightsNotFound } = mergeSave(clipping, sameId, sameUrl);
    this.rows.set(record.id, structuredClone(record));
    return highlightsNotFound ? { id: record.id, created, highlightsNotFound } : { id: record.id, created };
  }
  async get(id: string): Promise<Clipping | undefined> {
    const c = this.rows.get(id);
    return c && structuredClone(c);
  }
  async list(): Promise<Clipping[]> {
    return [...this.rows.values()].sort((a, b) => b.savedAt.localeCompare(a.savedAt)).map((c) => structuredClone(c));
  }
  async count(): Promise<number> {
    return this.rows.size;
  }
  async cards(limit?: number): Promise<ClippingCard[]> {
    const all = (await this.list()).map(clippingCard);
    return limit ? all.slice(0, limit) : all;
  }
  async update(id: string, patch: ClipPatch): Promise<Clipping> {
    const c = this.rows.get(id);
    if (!c) throw new Error(`No clipping ${id}`);
    const next = { ...c, ...structuredClone(patch), updatedAt: new Date().toISOString() };
    this.rows.set(id, next);
    return structuredClone(next);
  }
  async delete(ids: string[]): Promise<Clipping[]> {
    const out: Clipping[] = [];
    for (const id of ids) {
      const c = this.rows.get(id);
      if (c) out.push(structuredClone(c));
      this.rows.delete(id);
    }
    return out;
  }
  async putMany(clippings: Clipping[]): Promise<void> {
    for (const c of clippings) this.rows.set(c.id, structuredClone(c));
  }
  async annotate(id: string, change: AnnotationChange): Promise<ChangeResult> {
    const c = this.rows.get(id);
    if (!c) throw new Error(`No clipping ${id}`);
    const out = applyAnnotationChange(c.annotations ?? [], c.text, structuredClone(change));
    this.rows.set(id, { ...c, annotations: out.annotations, updatedAt: new Date().toISOString() });
    return structuredClone(out);
  }
  async findByUrl(canonicalUrl: string): Promise<Clipping | undefined> {
    const c = [...this.rows.values()].find((r) => r.canonicalUrl === canonicalUrl);
    return c && structuredClone(c);
  }
  async clear(): Promise<number> {
    const n = this.rows.size;
    this.rows.clear();
    return n;
  }
}
