// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Options -> Sync's "Sync now" in jsdom with a stand-in worker that answers when the test says.
// The status must read as under way from the click until the reply: the worker writes
// 'syncing' only a moment later, and before this the page kept showing the previous run's 'ok',
// so whoever waited for 'ok' after the click (a user, or the two-profile e2e) took the previous
// run for the one asked for and read the library before the run had pulled anything (the e2e's
// lost note, 2 of 8 runs under load: the status read back was the older run's in both).

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
const listeners: Listener[] = [];
const replies: ((value: unknown) => void)[] = [];
const sent: string[] = [];

vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: { getUILanguage: () => 'en-US', getMessage: (key: string) => key },
    storage: {
      local: { get: async () => ({ syncStatus: { ...status('ok'), lastSyncAt: '2026-01-01T00:00:00.000Z' } }) },
      onChanged: { addListener: (l: Listener) => listeners.push(l) },
    },
    permissions: { contains: async () => true, onAdded: { addListener() {} }, onRemoved: { addListener() {} } },
    runtime: {
      sendMessage: (m: { name: string }) => {
        sent.push(m.name);
        return new Promise((ok) => replies.push(ok));
      },
    },
  },
}));

function status(state: string) {
  return { state, lastSyncAt: null, sent: 0, received: 0, merged: 0, refused: 0, refusedSample: [], problem: null, detail: '' };
}

let bindSync: typeof import('../../src/options/sync.ts').bindSync;
beforeAll(async () => {
  ({ bindSync } = await import('../../src/options/sync.ts'));
});

const tick = () => new Promise((ok) => setTimeout(ok, 0));
const stored = (s: object) => listeners.forEach((l) => l({ syncStatus: { newValue: s } }, 'local'));

describe('options: Sync now', () => {
  it('shows the run as under way from the click until its reply, whatever an earlier run writes meanwhile', async () => {
    const host = document.createElement('section');
    await bindSync(host);
    const el = host.querySelector<HTMLElement>('[data-testid=sync-status]')!;
    expect(el.dataset.state).toBe('ok');

    host.querySelector<HTMLButtonElement>('[data-testid=sync-now]')!.click();
    // In the click's own turn, before the worker has heard of it.
    expect([el.dataset.state, el.getAttribute('aria-busy')]).toEqual(['syncing', 'true']);
    await tick();
    expect(sent).toEqual(['sync.now']);

    // The automatic run that was already going ends: not the end of the one asked for.
    stored({ ...status('ok'), lastSyncAt: '2026-01-01T00:00:01.000Z' });
    expect(el.dataset.state).toBe('syncing');
    stored(status('syncing'));
    expect(el.dataset.state).toBe('syncing');

    // The reply is the asked-for run's own status.
    replies.shift()!({ ok: true, value: { ...status('ok'), lastSyncAt: '2026-01-01T00:00:09.000Z', received: 1 } });
    await tick();
    expect([el.dataset.state, el.hasAttribute('aria-busy')]).toEqual(['ok', false]);
    expect(el.textContent).toContain('syncStateOk');

    // Idle again: what the worker writes shows at once (automatic runs, 'offline').
    stored({ ...status('offline'), problem: 'unreachable' });
    expect(el.dataset.state).toBe('offline');
  });

  it('a worker gone mid-run ends the wait with its message and the last status the worker wrote', async () => {
    const host = document.createElement('section');
    await bindSync(host);
    const el = host.querySelector<HTMLElement>('[data-testid=sync-status]')!;
    host.querySelector<HTMLButtonElement>('[data-testid=sync-now]')!.click();
    await tick();
    stored({ ...status('offline'), problem: 'unreachable' });
    expect(el.dataset.state).toBe('syncing');
    replies.shift()!(undefined);
    await tick();
    expect([el.dataset.state, el.hasAttribute('aria-busy')]).toEqual(['offline', false]);
    expect(host.querySelector('[data-testid=sync-problem]')!.textContent).toMatch(/No reply/);
  });
});
