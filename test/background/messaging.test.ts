import { beforeEach, describe, expect, it, vi } from 'vitest';

// send() against a runtime that fails the ways Chromium's does.
let behaviour: (msg: unknown) => unknown = () => undefined;
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { sendMessage: (msg: unknown) => behaviour(msg) } },
}));
const { send } = await import('../../src/shared/messaging.ts');
const { SiftError } = await import('../../src/shared/errors.ts');

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    expect(err).toBeInstanceOf(SiftError);
    return (err as InstanceType<typeof SiftError>).code;
  }
}

beforeEach(() => {
  behaviour = () => undefined;
});

describe('send', () => {
  it("turns the synchronous throw for an oversized message into 'too-large'", async () => {
    behaviour = () => {
      // What Chromium throws, synchronously, for a message over 64 MiB.
      throw new Error('Message length exceeded maximum allowed length.');
    };
    expect(await codeOf(send('library.clear', {}))).toBe('too-large');
  });

  it("turns a worker stopped mid-request into 'worker-gone'", async () => {
    behaviour = async () => {
      throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
    };
    expect(await codeOf(send('library.clear', {}))).toBe('worker-gone');
  });

  it("keeps the handler's code from an error reply", async () => {
    behaviour = async () => ({ ok: false, error: { code: 'quota', message: 'full' } });
    expect(await codeOf(send('library.clear', {}))).toBe('quota');
  });

  it('returns the value of an ok reply and sends a Sift envelope', async () => {
    let sent: unknown;
    behaviour = async (msg) => {
      sent = msg;
      return { ok: true, value: { deleted: 2 } };
    };
    expect(await send('library.clear', {})).toEqual({ deleted: 2 });
    expect(sent).toEqual({ sift: 1, name: 'library.clear', req: {} });
  });

  it("says 'no-reply' when nothing answered", async () => {
    expect(await codeOf(send('library.clear', {}))).toBe('no-reply');
  });
});
