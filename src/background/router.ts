import browser from 'webextension-polyfill';
import { isEnvelope } from '../shared/messaging.ts';
import type { Reply } from '../shared/protocol.ts';
import { SiftError } from '../shared/errors.ts';
import { handlers } from './handlers.ts';
import { mayCall, senderKind } from './privilege.ts';

/** The one place a message is checked (shape, then sender) and dispatched. */
export async function route(msg: unknown, sender: browser.Runtime.MessageSender): Promise<Reply | undefined> {
  if (!isEnvelope(msg)) return undefined;
  const name = msg.name;
  if (!Object.hasOwn(handlers, name)) return { ok: false, error: { code: 'unknown-message', message: `Unknown message ${name}` } };
  if (!mayCall(name, senderKind(sender, { id: browser.runtime.id, base: browser.runtime.getURL('') }))) {
    return { ok: false, error: { code: 'forbidden', message: `${name} is not allowed from this sender` } };
  }
  try {
    const handler = handlers[name] as (req: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(msg.req ?? {}) } as Reply;
  } catch (err) {
    const code = err instanceof SiftError ? err.code : 'failed';
    return { ok: false, error: { code, message: String((err as Error)?.message ?? err) } };
  }
}
