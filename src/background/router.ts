import browser from 'webextension-polyfill';
import { isEnvelope } from '../shared/messaging.ts';
import type { Reply } from '../shared/protocol.ts';
import { SiftError } from '../shared/errors.ts';
import { handlers } from './handlers.ts';
import { mayCall, senderKind } from './privilege.ts';

const refuse = (code: string, message: string): Reply => ({ ok: false, error: { code, message } });

/**
 * The one place a message is checked and dispatched: its shape, then its name, then its sender
 * (privilege.ts), and only then a handler runs. Anything that is not a Sift envelope gets no
 * answer at all.
 */
export async function route(msg: unknown, sender: browser.Runtime.MessageSender): Promise<Reply | undefined> {
  if (!isEnvelope(msg)) return undefined;
  const name = msg.name;
  if (!Object.hasOwn(handlers, name)) return refuse('unknown-message', `Unknown message ${name.slice(0, 80)}`);
  if (!mayCall(name, senderKind(sender, { id: browser.runtime.id, base: browser.runtime.getURL('') }))) {
    return refuse('forbidden', `${name} is not allowed from this sender`);
  }
  const req: unknown = msg.req ?? {};
  if (typeof req !== 'object' || req === null || Array.isArray(req)) return refuse('bad-request', `${name} needs an object`);
  try {
    const handler = handlers[name] as (req: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(req) } as Reply;
  } catch (err) {
    const code = err instanceof SiftError ? err.code : 'failed';
    return refuse(code, String((err as Error)?.message ?? err));
  }
}
