import { describe, expect, it } from 'vitest';
import { CleanerLifecycle } from '../../src/background/capture/cleaner-lifecycle.ts';

// The offscreen cleaner is closed every few pages (Blink keeps some parsed pages alive as long as
// the parsing document lives): never while a page is being cleaned, and pages asked for meanwhile
// wait for a new one.

function host() {
  const log: string[] = [];
  let open = false;
  return {
    log,
    get isOpen() {
      return open;
    },
    open: async () => {
      if (!open) log.push('open');
      open = true;
    },
    close: async () => {
      if (!open) throw new Error('No current offscreen document.');
      log.push('close');
      open = false;
    },
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('CleanerLifecycle', () => {
  it('closes the cleaner after its share of pages and opens a new one for the next', async () => {
    const h = host();
    const life = new CleanerLifecycle(h, 3);
    for (let i = 0; i < 7; i++) await life.run(async () => h.log.push(`clean ${i}`));
    expect(h.log).toEqual(['open', 'clean 0', 'clean 1', 'clean 2', 'close', 'open', 'clean 3', 'clean 4', 'clean 5', 'close', 'open', 'clean 6']);
  });

  it('never closes under a page being cleaned; a page asked for meanwhile waits for the new cleaner', async () => {
    const h = host();
    const life = new CleanerLifecycle(h, 1);
    const slow = deferred<string>();
    const first = life.run(async () => {
      h.log.push('clean A');
      return slow.promise;
    });
    await Promise.resolve();
    // Served count reaches 1 only when A ends; B starts in the same cleaner meanwhile.
    const second = life.run(async () => {
      h.log.push(`clean B open=${h.isOpen}`);
      return 'B';
    });
    expect(await second).toBe('B');
    const third = life.run(async () => {
      h.log.push(`clean C open=${h.isOpen}`);
      return 'C';
    });
    const releasing = life.release();
    await new Promise((r) => setTimeout(r, 5));
    expect(h.log).not.toContain('close');
    slow.resolve('A');
    expect(await first).toBe('A');
    await releasing;
    expect(await third).toBe('C');
    expect(h.log.indexOf('close')).toBeGreaterThan(h.log.indexOf('clean A'));
    expect(h.log.filter((l) => l.startsWith('clean')).every((l) => !l.endsWith('open=false'))).toBe(true);
  });

  it('an idle release closes a used cleaner once, and does nothing when none was used', async () => {
    const h = host();
    const life = new CleanerLifecycle(h, 40);
    await life.release();
    expect(h.log).toEqual([]);
    await life.run(async () => 1);
    await life.release();
    await life.release();
    expect(h.log).toEqual(['open', 'close']);
  });

  it('a cleaner Chrome already closed is no error', async () => {
    const h = host();
    const life = new CleanerLifecycle(h, 40);
    await life.run(async () => 1);
    await h.close();
    await expect(life.release()).resolves.toBeUndefined();
    expect(await life.run(async () => 'again')).toBe('again');
  });
});
