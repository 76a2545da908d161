import { clippingCard, type Clipping } from '../../core/clipping.ts';
import { clipDocId, clipDocProblem, storedClipping, toDoc, toRecord, type ClipDoc } from '../../core/sync/doc.ts';
import { mergeRecords, nextRecord, type SyncRecord } from '../../core/sync/merge.ts';
import type { OutboxRow, SiftDb } from '../../platform/store/dexie-store.ts';
import type { PDoc, PouchDb } from './pouch-types.ts';
import type { SyncReport } from './report.ts';

// Outbox -> mirror: every clipping changed or deleted here becomes the next revision of its
// document in the local mirror database, which replication then sends. Idempotent: a drain
// killed half way is simply run again.

const BATCH = 500;

interface Step {
  row: OutboxRow;
  /** Written to the mirror (a new revision), if anything. */
  write?: PDoc;
  /** What the library must hold afterwards, when that is not what it holds now. */
  local?: Clipping | null;
  /** The revision the library agrees with afterwards (undefined: unchanged; null: none). */
  agree?: string | null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function planOne(
  mirror: PouchDb,
  row: OutboxRow,
  local: Clipping | undefined,
  base: string | undefined,
  head: ClipDoc | null,
  mark: string,
): Promise<Step> {
  if (local && !head) {
    // New here, or edited here while another device deleted it: an edit beats a delete.
    return { row, write: { ...toDoc(nextRecord(local, undefined)) } };
  }
  if (local && head) {
    if (same(head.clipping, local)) return { row, agree: head._rev! };
    if (base === head._rev) return { row, write: { ...toDoc(nextRecord(local, toRecord(head))), _rev: head._rev } };
    // The document moved on since this device last agreed with it: merge from the common base.
    let baseRecord: SyncRecord | undefined;
    if (base) baseRecord = await mirror.get(clipDocId(local.id), { rev: base }).then((d) => toRecord(d as unknown as ClipDoc), () => undefined);
    const merged = mergeRecords(nextRecord(local, baseRecord), toRecord(head), mark);
    return { row, write: { ...toDoc(merged), _rev: head._rev }, local: storedClipping(merged.clipping) };
  }
  if (!local && head) {
    if (base === head._rev) return { row, write: { _id: head._id, _rev: head._rev, _deleted: true }, agree: null };
    // Deleted here, but edited elsewhere since: the edit wins, the clipping comes back.
    return { row, local: storedClipping(head.clipping), agree: head._rev! };
  }
  return { row, agree: null };
}

/** Send every outbox entry to the mirror. Returns how many documents were written. */
export async function drain(db: SiftDb, mirror: PouchDb, report: SyncReport, mark: string): Promise<number> {
  let written = 0;
  let after = '';
  for (;;) {
    const rows = await db.outbox.where('id').above(after).limit(BATCH).toArray();
    if (!rows.length) return written;
    after = rows[rows.length - 1]!.id;
    const ids = rows.map((r) => r.id);
    const [locals, bases, heads] = await Promise.all([
      db.clippings.bulkGet(ids),
      db.syncRevs.bulkGet(ids),
      mirror.allDocs({ keys: ids.map(clipDocId), include_docs: true }),
    ]);
    const steps: Step[] = [];
    for (let i = 0; i < rows.length; i++) {
      const h = heads.rows[i]!;
      const head = h.doc && !h.value?.deleted ? (h.doc as unknown as ClipDoc) : null;
      if (head && clipDocProblem(head)) {
        // The server's revision is not a clipping (refused when it arrived): this device's
        // clipping replaces it; a delete here has nothing of the user's to keep.
        const local = locals[i];
        const write = local ? { ...toDoc(nextRecord(local, undefined)), _rev: head._rev } : { _id: head._id, _rev: head._rev, _deleted: true };
        steps.push({ row: rows[i]!, write: write as PDoc, agree: local ? undefined : null });
        continue;
      }
      steps.push(await planOne(mirror, rows[i]!, locals[i], bases[i]?.rev, head, mark));
    }
    const writes = steps.filter((s) => s.write);
    const results = writes.length ? await mirror.bulkDocs(writes.map((s) => s.write!)) : [];
    results.forEach((r, i) => {
      const s = writes[i]!;
      if (r.ok && r.rev) {
        written++;
        if (s.write!._rev) report.stale.add(s.write!._id);
        if (s.agree !== null) s.agree = r.rev;
      } else {
        // A conflict with a write that arrived meanwhile: leave the entry for the next drain.
        s.agree = undefined;
        s.local = undefined;
        s.row = { ...s.row, at: -1 };
      }
    });
    // One bulk write per table (a write per row cost a first sync of 10,000 clippings minutes).
    await db.transaction('rw', [db.clippings, db.cards, db.outbox, db.syncRevs], async () => {
      const now = await db.outbox.bulkGet(steps.map((s) => s.row.id));
      const locals: Clipping[] = [];
      const agreed: { id: string; rev: string }[] = [];
      const disagreed: string[] = [];
      const done: string[] = [];
      for (let i = 0; i < steps.length; i++) {
        const s = steps[i]!;
        // Edited again while being sent: the library keeps the newer words; the entry stays.
        if (now[i]?.at !== s.row.at) continue;
        if (s.local !== undefined && s.local !== null) locals.push(s.local);
        if (s.agree === null) disagreed.push(s.row.id);
        else if (s.agree) agreed.push({ id: s.row.id, rev: s.agree });
        done.push(s.row.id);
      }
      if (locals.length) {
        await db.clippings.bulkPut(locals);
        await db.cards.bulkPut(locals.map(clippingCard));
        for (const c of locals) report.receivedIds.add(c.id);
      }
      if (disagreed.length) await db.syncRevs.bulkDelete(disagreed);
      if (agreed.length) await db.syncRevs.bulkPut(agreed);
      if (done.length) await db.outbox.bulkDelete(done);
    });
  }
}
