import { beforeEach, describe, expect, it, vi } from 'vitest';
import type browser from 'webextension-polyfill';

// The real router with the real privilege check; only the browser and the handlers are stand-ins,
// so the test can see whether a handler was reached at all.
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { id: 'ext-id', getURL: (p: string) => `chrome-extension://ext-id/${p}` } },
}));
const calls: { name: string; req: unknown }[] = [];
vi.mock('../../src/background/handlers.ts', async () => {
  const { ALLOWED_SENDERS } = await import('../../src/shared/protocol.ts');
  const { SiftError } = await import('../../src/shared/errors.ts');
  const handlers: Record<string, (req: unknown) => Promise<unknown>> = {};
  for (const name of Object.keys(ALLOWED_SENDERS)) {
    handlers[name] = async (req: unknown) => {
      calls.push({ name, req });
      if ((req as { fail?: string }).fail === 'sift') throw new SiftError('quota', 'full');
      if ((req as { fail?: string }).fail === 'plain') throw new TypeError('boom');
      return { done: name };
    };
  }
  return { handlers };
});

const { route } = await import('../../src/background/router.ts');
const { ALLOWED_SENDERS } = await import('../../src/shared/protocol.ts');

const tab = { id: 9 } as browser.Tabs.Tab;
const PAGE: browser.Runtime.MessageSender = { id: 'ext-id', url: 'chrome-extension://ext-id/src/library/index.html', tab, frameId: 0 };
const CONTENT: browser.Runtime.MessageSender = { id: 'ext-id', url: 'https://evil.example/', tab, frameId: 0 };
const FRAMED: browser.Runtime.MessageSender = { id: 'ext-id', url: 'chrome-extension://ext-id/src/library/index.html', tab, frameId: 3 };
const OTHER: browser.Runtime.MessageSender = { id: 'other', url: 'chrome-extension://other/x.html' };
const NAMES = Object.keys(ALLOWED_SENDERS);

beforeEach(() => {
  calls.length = 0;
});

describe('route', () => {
  it('refuses every message from a content script, a framed page or another extension, before any handler runs', async () => {
    for (const sender of [CONTENT, FRAMED, OTHER]) {
      for (const name of NAMES) {
        const reply = await route({ sift: 1, name, req: { ids: ['x'] } }, sender);
        expect(reply, `${name} from ${sender.url}`).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
      }
    }
    expect(calls).toEqual([]);
  });

  it('dispatches every message from an extension page to its handler', async () => {
    for (const name of NAMES) {
      expect(await route({ sift: 1, name, req: {} }, PAGE)).toEqual({ ok: true, value: { done: name } });
    }
    expect(calls.map((c) => c.name)).toEqual(NAMES);
  });

  it('answers unknown and inherited names without running anything', async () => {
    for (const name of ['no.such.message', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const reply = await route({ sift: 1, name, req: {} }, PAGE);
      expect(reply?.ok).toBe(false);
      if (reply && !reply.ok) expect(reply.error.code).toBe('unknown-message');
    }
    expect(calls).toEqual([]);
  });

  it('ignores what is not a Sift envelope (no reply, so other listeners may answer)', async () => {
    for (const msg of [null, undefined, 'clipping.delete', 42, [], {}, { name: 'library.clear' }, { sift: 2, name: 'library.clear' }, { sift: 1, name: 7 }]) {
      expect(await route(msg, PAGE)).toBeUndefined();
    }
    expect(calls).toEqual([]);
  });

  it('refuses a request that is not an object', async () => {
    for (const req of ['x', 3, ['a'], true]) {
      const reply = await route({ sift: 1, name: 'library.clear', req }, PAGE);
      expect(reply).toEqual({ ok: false, error: { code: 'bad-request', message: expect.any(String) } });
    }
    expect(calls).toEqual([]);
  });

  it("keeps a handler's error code and turns other throws into 'failed'", async () => {
    expect(await route({ sift: 1, name: 'clipping.save', req: { fail: 'sift' } }, PAGE)).toEqual({ ok: false, error: { code: 'quota', message: 'full' } });
    expect(await route({ sift: 1, name: 'clipping.save', req: { fail: 'plain' } }, PAGE)).toEqual({ ok: false, error: { code: 'failed', message: 'boom' } });
  });
});
