import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// When sync runs (src/background/sync/schedule.ts): on the alarm's timer while the browser runs,
// at start-up unless a run just ended well, a moment after a burst of changes; never while sync is
// off. The browser and the run itself are stand-ins: the schedule is what is under test.

const runs: string[] = [];
const alarms: { name: string; info: object }[] = [];
const store: Record<string, unknown> = {};
let onAlarm: ((a: { name: string }) => void) | undefined;

vi.mock('webextension-polyfill', () => ({
  default: {
    alarms: {
      create: async (name: string, info: object) => void alarms.push({ name, info }),
      clear: async () => true,
      onAlarm: { addListener: (fn: (a: { name: string }) => void) => (onAlarm = fn) },
    },
    storage: {
      local: { get: async (key: string) => ({ [key]: store[key] }), set: async (o: object) => void Object.assign(store, o) },
      onChanged: { addListener: () => undefined },
    },
  },
}));
vi.mock('../../src/background/sync/service.ts', () => ({ runSync: async (reason: string) => void runs.push(reason) }));

const { ALARM, initSync, setTimer, syncSoon } = await import('../../src/background/sync/schedule.ts');
const { CONFIG_KEY, STATUS_KEY } = await import('../../src/background/sync/status.ts');

const config = (enabled: boolean) => ({ url: 'http://127.0.0.1:5984', database: 'userdb-616c696365', user: 'alice', password: 'secret', enabled });
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('the sync schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    runs.length = 0;
    alarms.length = 0;
    for (const k of Object.keys(store)) delete store[k];
  });
  afterEach(() => vi.useRealTimers());

  it('runs at start-up and on the timer when on; a run that just ended well spares the start-up one', async () => {
    store[CONFIG_KEY] = config(true);
    initSync();
    await settle();
    expect(runs).toEqual(['startup']);
    await setTimer(true);
    expect(alarms).toEqual([{ name: ALARM, info: { periodInMinutes: 5 } }]);
    onAlarm!({ name: ALARM });
    onAlarm!({ name: 'another-alarm' });
    await settle();
    expect(runs).toEqual(['startup', 'timer']);
    // A worker restarted right after a good run does not run again at once.
    store[STATUS_KEY] = { state: 'ok', lastSyncAt: new Date(Date.now() - 10_000).toISOString() };
    initSync();
    await settle();
    expect(runs).toEqual(['startup', 'timer']);
  });

  it('runs once, a moment after a burst of changes, and never while off', async () => {
    store[CONFIG_KEY] = config(true);
    for (let i = 0; i < 5; i++) syncSoon();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toEqual(['change']);
    store[CONFIG_KEY] = config(false);
    initSync();
    syncSoon();
    await vi.advanceTimersByTimeAsync(2000);
    onAlarm!({ name: ALARM });
    await settle();
    expect(runs).toEqual(['change']);
  });
});
