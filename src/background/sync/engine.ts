import type { SiftDb } from '../../platform/store/dexie-store.ts';
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

const REPLICATION: ReplicationOptions = { batch_size: 100, batches_limit: 4 };

async function push(ctx: SyncContext, report: SyncReport): Promise<void> {
  const r = await ctx.mirror.replicate.to(ctx.remote, REPLICATION);
  report.sent += r.docs_written;
}

async function pull(ctx: SyncContext, report: SyncReport): Promise<void> {
  const rep = ctx.mirror.replicate.from(ctx.remote, REPLICATION);
  rep.on('change', () => ctx.onProgress?.(report));
  await rep;
}

async function timed<T>(report: SyncReport, step: keyof SyncReport['ms'], fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    report.ms[step] += Math.round(performance.now() - t0);
  }
}

export async function syncOnce(ctx: SyncContext): Promise<SyncReport> {
  const report = emptyReport();
  await timed(report, 'drain', () => drain(ctx.db, ctx.mirror, report, ctx.noteMark));
  if (ctx.settings) await syncSettings(ctx.mirror, ctx.settings, report);
  await timed(report, 'push', () => push(ctx, report));
  ctx.onProgress?.(report);
  await timed(report, 'pull', () => pull(ctx, report));
  // Merges and edits made while the run was under way go out in a second, short round.
  for (let round = 0; round < 3; round++) {
    const merged = await timed(report, 'apply', () => applyMirror(ctx.db, ctx.mirror, report, ctx.noteMark));
    let wrote = await timed(report, 'drain', () => drain(ctx.db, ctx.mirror, report, ctx.noteMark));
    if (ctx.settings && (await syncSettings(ctx.mirror, ctx.settings, report))) wrote++;
    if (!merged && !wrote) break;
    await timed(report, 'push', () => push(ctx, report));
  }
  report.received = Math.max(report.received, report.receivedIds.size);
  // Old revisions are needed only as merge bases for changes not yet sent.
  if ((await ctx.db.outbox.count()) === 0) await ctx.mirror.compact();
  return report;
}

/** Put every clipping in the outbox: the first sync of a library that existed before sync. */
export async function seedOutbox(db: SiftDb): Promise<number> {
  const ids = (await db.clippings.toCollection().primaryKeys()) as string[];
  const at = Date.now() * 1000;
  await db.outbox.bulkPut(ids.map((id) => ({ id, at })));
  return ids.length;
}
