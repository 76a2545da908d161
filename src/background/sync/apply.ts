import { clippingCard, type Clipping } from '../../core/clipping.ts';
import { clipDocProblem, clippingIdOf, storedClipping, toDoc, toRecord, type ClipDoc } from '../../core/sync/doc.ts';
import { mergeAll } from '../../core/sync/merge.ts';
import type { SiftDb } from '../../platform/store/dexie-store.ts';
import type { Change, PDoc, PouchDb } from './pouch-types.ts';
import type { SyncReport } from './report.ts';

// Mirror -> library: every document that changed in the mirror (arrived from the server, or
// merged here) is checked, its conflicts merged away, and the result written to the library.
// Progress is a checkpoint in the mirror, so a worker killed half way resumes where it stopped.

const BATCH = 250;
const CHECKPOINT = '_local/sift-applied';
/**
 * The most leaves of one document merged. Real conflicts have a leaf per device that edited
 * offline; hundreds are a broken or hostile server, whose extra leaves are deleted unread.
 */
export const MAX_LEAVES = 32;

async function loadSeq(mirror: PouchDb): Promise<{ seq: number | string; rev?: string }> {
  try {
    const d = await mirror.get(CHECKPOINT);
    return { seq: d.seq as number | string, rev: d._rev };
  } catch {
    return { seq: 0 };
  }
}

/**
 * Merge every leaf of a conflicted document into one revision and delete the others, so no
 * conflict revision is left. Leaves of the wrong shape are dropped (and reported).
 */
async function resolveConflicts(mirror: PouchDb, doc: PDoc, report: SyncReport, mark: string): Promise<void> {
  const conflicts = doc._conflicts ?? [];
  const revs = [doc._rev!, ...conflicts.slice(0, MAX_LEAVES - 1)];
  if (conflicts.length >= MAX_LEAVES) {
    report.refused.push({ id: doc._id, reason: `${conflicts.length + 1} conflicting revisions: the first ${MAX_LEAVES} merged, the others deleted` });
  }
  const leaves = (await mirror.get(doc._id, { open_revs: revs })).map((l) => l.ok).filter((d): d is PDoc => !!d && !d._deleted);
  const valid = leaves.filter((d) => {
    const problem = clipDocProblem(d);
    if (problem) report.refused.push({ id: d._id, reason: problem });
    return !problem;
  }) as unknown as ClipDoc[];
  const writes: PDoc[] = [];
  if (valid.length) {
    const merged = mergeAll(valid.map(toRecord), mark);
    const winnerValid = valid.some((d) => d._rev === doc._rev);
    if (!winnerValid || JSON.stringify(merged) !== JSON.stringify(toRecord(doc as unknown as ClipDoc))) {
      writes.push({ ...toDoc(merged), _rev: doc._rev });
    }
  }
  for (const rev of doc._conflicts ?? []) writes.push({ _id: doc._id, _rev: rev, _deleted: true });
  if (!valid.length) writes.push({ _id: doc._id, _rev: doc._rev, _deleted: true });
  await mirror.bulkDocs(writes);
  report.stale.add(doc._id);
  report.merged++;
}

/** Apply one batch of changes to the library in one transaction. */
async function applyBatch(db: SiftDb, changes: Change[], report: SyncReport): Promise<void> {
  const items: { id: string; doc: PDoc }[] = [];
  for (const ch of changes) {
    const id = clippingIdOf(ch.id);
    if (id === null || !ch.doc) continue;
    if (!ch.doc._deleted) {
      const problem = clipDocProblem(ch.doc);
      if (problem) {
        report.refused.push({ id: ch.id, reason: problem });
        continue;
      }
    }
    items.push({ id, doc: ch.doc });
  }
  if (!items.length) return;
  const ids = items.map((x) => x.id);
  await db.transaction('rw', [db.clippings, db.cards, db.outbox, db.syncRevs], async () => {
    const [pending, agreed] = await Promise.all([db.outbox.bulkGet(ids), db.syncRevs.bulkGet(ids)]);
    const puts: Clipping[] = [];
    const dels: string[] = [];
    const revs: { id: string; rev: string }[] = [];
    items.forEach(({ id, doc }, i) => {
      // A change made here and not yet sent: the next drain merges it with this one.
      if (pending[i]) return;
      if (doc._deleted) {
        report.stale.add(doc._id);
        dels.push(id);
        return;
      }
      if (agreed[i]?.rev === doc._rev) return;
      // Replaced a revision this device had: the older one's body can go.
      if (agreed[i]) report.stale.add(doc._id);
      puts.push(storedClipping((doc as unknown as ClipDoc).clipping));
      revs.push({ id, rev: doc._rev! });
    });
    if (puts.length) {
      await db.clippings.bulkPut(puts);
      await db.cards.bulkPut(puts.map(clippingCard));
      await db.syncRevs.bulkPut(revs);
    }
    if (dels.length) {
      const had = (await db.clippings.bulkGet(dels)).filter(Boolean).length;
      await db.clippings.bulkDelete(dels);
      await db.cards.bulkDelete(dels);
      await db.syncRevs.bulkDelete(dels);
      report.received += had;
      for (const id of dels) report.receivedIds.add(id);
    }
    for (const c of puts) report.receivedIds.add(c.id);
  });
}

/**
 * The changes of the feed that need their document read, with it. Left out: documents with one
 * leaf that the library already agrees with (above all this device's own writes, which come back
 * in the feed: reading them made a first sync up read the whole library twice).
 */
async function withDocs(db: SiftDb, mirror: PouchDb, feed: Change[]): Promise<Change[]> {
  const clips = feed.filter((ch) => clippingIdOf(ch.id) !== null);
  const agreed = await db.syncRevs.bulkGet(clips.map((ch) => clippingIdOf(ch.id)!));
  const need = clips.filter((ch, i) => ch.deleted || ch.changes.length !== 1 || agreed[i]?.rev !== ch.changes[0]!.rev);
  if (!need.length) return [];
  const { rows } = await mirror.allDocs({ keys: need.map((ch) => ch.id), include_docs: true, conflicts: true });
  return need.map((ch, i) => {
    const row = rows[i]!;
    const doc = row.doc ?? (row.value ? { _id: ch.id, _rev: row.value.rev, _deleted: true } : undefined);
    return { ...ch, doc: doc ?? undefined };
  });
}

/** Apply everything the mirror holds that the library has not seen. Returns true when merges were written. */
export async function applyMirror(db: SiftDb, mirror: PouchDb, report: SyncReport, mark: string): Promise<boolean> {
  let { seq, rev } = await loadSeq(mirror);
  let mergedAny = false;
  for (;;) {
    const { results: feed, last_seq } = await mirror.changes({ since: seq, limit: BATCH, style: 'all_docs' });
    if (!feed.length) return mergedAny;
    const results = await withDocs(db, mirror, feed);
    const plain: Change[] = [];
    for (const ch of results) {
      if (ch.doc && !ch.doc._deleted && ch.doc._conflicts?.length && clippingIdOf(ch.id) !== null) {
        // The merged revision comes back later in this same feed and is applied then.
        await resolveConflicts(mirror, ch.doc, report, mark);
        mergedAny = true;
      } else plain.push(ch);
    }
    await applyBatch(db, plain, report);
    seq = last_seq;
    const saved = await mirror.put({ _id: CHECKPOINT, _rev: rev, seq });
    rev = saved.rev;
  }
}
