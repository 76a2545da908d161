import browser from 'webextension-polyfill';
import type { Envelope, MessageName, Reply, Req, Res } from './protocol.ts';
import { SiftError } from './errors.ts';

/**
 * Send a typed message to the background and return its value, or throw a SiftError with the
 * handler's code. `runtime.sendMessage` throws synchronously on oversized messages (Chromium:
 * over 64 MiB, "Message length exceeded maximum allowed length."), so the whole call sits in the
 * try and becomes 'too-large'; a worker stopped mid-request becomes 'worker-gone'.
 */
export async function send<N extends MessageName>(name: N, req: Req<N>): Promise<Res<N>> {
  let reply: Reply<N> | undefined;
  try {
    const envelope: Envelope<N> = { sift: 1, name, req };
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<N> | undefined;
  } catch (err) {
    const message = String((err as Error)?.message ?? err);
    const code = /closed before a response|Receiving end does not exist|context invalidated/i.test(message)
      ? 'worker-gone'
      : /exceed|too large|maximum allowed|message length/i.test(message)
        ? 'too-large'
        : 'send-failed';
    throw new SiftError(code, message);
  }
  if (!reply) throw new SiftError('no-reply', `No reply to ${name}`);
  if (!reply.ok) throw new SiftError(reply.error.code, reply.error.message);
  return reply.value;
}

export function isEnvelope(msg: unknown): msg is Envelope {
  return !!msg && typeof msg === 'object' && (msg as Envelope).sift === 1 && typeof (msg as Envelope).name === 'string';
}
