import { SETTINGS_DOC_ID } from '../../core/sync/doc.ts';
import { completeShared, sameShared, sharedSettingsProblem, type SharedSettings, type SharedSettingsDoc } from '../../core/sync/shared-settings.ts';
import type { PDoc, PouchDb } from './pouch-types.ts';
import type { SyncReport } from './report.ts';

// The travelling settings in the mirror: written when changed here later than the document,
// applied here when the document is newer. The later change wins (settings have no words to lose).

/** The change time of settings never changed on this device: any change elsewhere is newer. */
export const NEVER = '1970-01-01T00:00:00.000Z';

export interface SettingsPort {
  read(): Promise<{ values: SharedSettings; at: string }>;
  /** Apply settings that arrived; `at` is their change time. */
  write(values: SharedSettings, at: string): Promise<void>;
}

async function current(mirror: PouchDb, report: SyncReport): Promise<{ doc: SharedSettingsDoc | null; resolved: boolean }> {
  let doc: PDoc;
  try {
    doc = await mirror.get(SETTINGS_DOC_ID, { conflicts: true });
  } catch {
    return { doc: null, resolved: false };
  }
  const leaves = [doc];
  if (doc._conflicts?.length) {
    const more = await mirror.get(SETTINGS_DOC_ID, { open_revs: doc._conflicts });
    leaves.push(...more.map((l) => l.ok).filter((d): d is PDoc => !!d && !d._deleted));
  }
  const valid = leaves.filter((d) => {
    const p = sharedSettingsProblem(d);
    if (p) report.refused.push({ id: d._id, reason: p });
    return !p;
  }) as unknown as SharedSettingsDoc[];
  const best = valid.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (a._rev ?? '') < (b._rev ?? '') ? 1 : -1))[0];
  if (doc._conflicts?.length) {
    // Keep the winner's revision, delete every other leaf: no conflict is left behind.
    const writes: PDoc[] = doc._conflicts.map((rev) => ({ _id: SETTINGS_DOC_ID, _rev: rev, _deleted: true }));
    if (best && best._rev !== doc._rev) writes.push({ ...best, _rev: doc._rev } as unknown as PDoc);
    await mirror.bulkDocs(writes);
    report.merged++;
    return { doc: best ?? null, resolved: true };
  }
  return { doc: best ?? null, resolved: false };
}

/** Bring the settings document and this device's settings together. Returns true when the mirror was written. */
export async function syncSettings(mirror: PouchDb, port: SettingsPort, report: SyncReport): Promise<boolean> {
  const { doc, resolved } = await current(mirror, report);
  const local = await port.read();
  const values = doc && completeShared(doc.values, local.values);
  if (doc && values && sameShared(values, local.values)) return resolved;
  if (doc && values && doc.at > local.at) {
    await port.write(values, doc.at);
    return resolved;
  }
  const latest = await mirror.get(SETTINGS_DOC_ID).catch(() => null);
  const next: PDoc = { _id: SETTINGS_DOC_ID, type: 'settings', values: local.values, at: local.at };
  if (latest?._rev) next._rev = latest._rev;
  await mirror.put(next);
  return true;
}
