import type { SiftDb } from '../../platform/store/dexie-store.ts';
import { clippingIdOf } from '../../core/sync/doc.ts';
import { applyMirror } from './apply.ts';
import { drain } from './drain.ts';
import type { PouchDb, ReplicationOptions } from './pouch-types.ts';
import { emptyReport, type SyncReport } from './report.ts';
import { syncSettings, type SettingsPort } from './settings-sync.ts';

// One sync run: library -> mirror (outbox), mirror <-> server (PouchDB replication, which keeps
// its own checkpoints), server's changes -> library (with conflicts merged). Every step can be
// killed and run again; the outbox, the replication checkpoints and the applied sequence carry
// a long first sync over a restarted service worker.

export interface SyncContext {
  db: SiftDb;
  mirror: PouchDb;
  remote: PouchDb;
  /** The translated mark between two notes written on two devices. */
  noteMark: string;
  /** Called as documents move, for the status line. */
  onProgress?: (report: SyncReport) => void;
  /** The settings that travel (theme, highlight types); none in tests that do not need them. */
  settings?: SettingsPort;
}

/**
 * 250 documents a batch (a typical clipping is 5-60 KB: a batch of a few MB, under the 32 MB
 * an answer may have, capped-fetch.ts): a first sync of 10,000 makes 40 round trips of
 * changes, revs_diff, _bulk_get/_bulk_docs and checkpoints instead of 100. Two batches ahead.
 */
const REPLICATION: ReplicationOptions = { batch_size: 250, batches_limit: 2 };

async function push(ctx: SyncContext, report: SyncReport): Promise<number | string | undefined> {
  const r = await ctx.mirror.replicate.to(ctx.remote, REPLICATION);
  report.sent += r.docs_written;
  return r.last_seq;
}

/**
 * Server -> mirror. Then the push's checkpoint is moved past what came in: those documents are on
 * the server already, yet the next push would read each of them from the mirror's changes feed and
 * ask the server about it (after a first sync of 10,000 down, the next edit waited over a minute).
 * Sound only if everything up to the pull's first write is on the server and the pull made every
 * write after it. Checked, not assumed: the push went through the sequence the mirror stood at when
 * the pull began, and the mirror moved by exactly the pull's writes (each write is one sequence).
 * Otherwise the checkpoint stays, and the next push sends what it must. A pull killed half way
 * moves nothing.
 */
async function pull(ctx: SyncContext, report: SyncReport, pushedTo: number | string | undefined): Promise<void> {
  const { update_seq: before } = await ctx.mirror.info();
  let wrote = 0;
  const rep = ctx.mirror.replicate.from(ctx.remote, REPLICATION);
  rep.on('change', (info) => {
    wrote += info.docs?.length ?? 0;
    ctx.onProgress?.(report);
  });
  const { docs_written } = await rep;
  if (!docs_written || typeof before !== 'number' || pushedTo !== before) return;
  const { update_seq: after } = await ctx.mirror.info();
  if (typeof after !== 'number' || after - before !== wrote || wrote !== docs_written) return;
  await ctx.mirror.replicate.to(ctx.remote, { ...REPLICATION, since: after });
}

async function timed<T>(report: SyncReport, step: keyof SyncReport['ms'], fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    report.ms[step] += Math.round(performance.now() - t0);
  }
}

/**
 * Drop old revisions' bodies from the documents this run replaced. Not the whole database: a
 * first sync of 10,000 new documents has nothing to compact, and PouchDB's compact() visits every
 * document changed since its last run, two IndexedDB transactions each. A document with a change
 * not yet sent keeps its old revisions: they are its merge base.
 */
async function compactStale(ctx: SyncContext, report: SyncReport): Promise<void> {
  if (!report.stale.size) return;
  const pending = new Set((await ctx.db.outbox.toCollection().primaryKeys()) as string[]);
  for (const id of report.stale) {
    const clip = clippingIdOf(id);
    if (clip !== null && pending.has(clip)) continue;
    await ctx.mirror.compactDocument(id, 0);
  }
}

/** The run under way on each mirror: runs on one mirror never overlap (see pull()). */
const runs = new WeakMap<PouchDb, Promise<unknown>>();

/** One sync run; a run asked for while another is under way on the same mirror starts after it. */
export function syncOnce(ctx: SyncContext): Promise<SyncReport> {
  const run = (runs.get(ctx.mirror) ?? Promise.resolve()).catch(() => undefined).then(() => runOnce(ctx));
  runs.set(ctx.mirror, run);
  return run;
}

async function runOnce(ctx: SyncContext): Promise<SyncReport> {
  const report = emptyReport();
  await timed(report, 'drain', () => drain(ctx.db, ctx.mirror, report, ctx.noteMark));
  if (ctx.settings) await syncSettings(ctx.mirror, ctx.settings, report);
  const pushedTo = await timed(report, 'push', () => push(ctx, report));
  ctx.onProgress?.(report);
  await timed(report, 'pull', () => pull(ctx, report, pushedTo));
  // Merges and edits made while the run was under way go out in a second, short round.
  for (let round = 0; round < 3; round++) {
    const merged = await timed(report, 'apply', () => applyMirror(ctx.db, ctx.mirror, report, ctx.noteMark));
    let wrote = await timed(report, 'drain', () => drain(ctx.db, ctx.mirror, report, ctx.noteMark));
    if (ctx.settings && (await syncSettings(ctx.mirror, ctx.settings, report))) wrote++;
    if (!merged && !wrote) break;
    await timed(report, 'push', () => push(ctx, report));
  }
  report.received = Math.max(report.received, report.receivedIds.size);
  await timed(report, 'compact', () => compactStale(ctx, report));
  return report;
}

/** Put every clipping in the outbox: the first sync of a library that existed before sync. */
export async function seedOutbox(db: SiftDb): Promise<number> {
  const ids = (await db.clippings.toCollection().primaryKeys()) as string[];
  const at = Date.now() * 1000;
  await db.outbox.bulkPut(ids.map((id) => ({ id, at })));
  return ids.length;
}
