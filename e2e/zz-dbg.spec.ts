import { expect, test } from '@playwright/test';
import { Sift } from './support/sift.ts';
import { clipping, makeSyncDist, turnSyncOn } from './support/sync.ts';
// @ts-expect-error -- mjs
import { startSyncServer } from '../scripts/sync-server.mjs';
const at = '2026-02-01T00:00:00.000Z';
const meta = { noteFrom: [], noteAt: at, articleAt: at, goneAnnotations: {} };
const doc = (c: Record<string, unknown>) => ({ _id: `clip:${c.id as string}`, type: 'clipping', clipping: c, meta });
test('dbg', async () => {
  test.setTimeout(200_000);
  const server = await startSyncServer({ users: { a: 'b' } });
  const b = await Sift.launch({ dist: makeSyncDist() });
  const worker = b.context.serviceWorkers()[0]!;
  worker.on('console', (m) => console.log('SW', m.text().slice(0, 500)));
  const remote = server.db(server.databaseOf('a'));
  const mode = process.env.MODE;
  if (mode === 'tree') {
    const L = Number(process.env.L ?? 100), D = Number(process.env.D ?? 1000);
    const trunk = Array.from({ length: D }, (_, i) => `${i.toString(16).padStart(8, '0')}trunk`);
    await remote.bulkDocs(Array.from({ length: L }, (_, k) => { const leaf = `${k.toString(16).padStart(8, '0')}leaf`; return { ...doc({ ...clipping('tree-sync-0001', 1), tags: [`l${k}`] }), _rev: `${D + 1}-${leaf}`, _revisions: { start: D + 1, ids: [leaf, ...trunk] } }; }), { new_edits: false });
  } else {
    await remote.bulkDocs([doc({ ...clipping('huge-1', 1, 'x'.repeat(100 * 2 ** 20)), html: '<p>x</p>' }), doc(clipping('ok-1', 2))]);
  }
  const t0 = Date.now();
  const o = await turnSyncOn(b, { url: server.url, database: server.databaseOf('a'), user: 'a', password: 'b' });
  await expect(o.getByTestId('sync-status')).not.toHaveAttribute('data-state', 'syncing', { timeout: 150_000 });
  await expect(o.getByTestId('sync-status')).not.toHaveAttribute('data-state', 'off', { timeout: 150_000 });
  await expect(o.getByTestId('sync-status')).not.toHaveAttribute('data-state', 'syncing', { timeout: 150_000 });
  console.log(Date.now() - t0, await o.getByTestId('sync-status').evaluate((e) => e.outerHTML), await o.getByTestId('sync-refused').evaluate((e) => e.outerHTML));
  await b.close(); await server.stop();
});
