import type browser from 'webextension-polyfill';
import { ALLOWED_SENDERS, type MessageName, type SenderKind } from '../shared/protocol.ts';

export interface Self {
  /** runtime.id */
  id: string;
  /** runtime.getURL(''), e.g. chrome-extension://ID/ */
  base: string;
}

/**
 * Who sent a message. An extension page opened in a tab has `sender.tab` set too, and content
 * scripts share `sender.id`, so the decision is made from the sender's URL: only documents served
 * from the extension's own origin count as pages (../shared/SECURITY.md).
 */
export function senderKind(sender: browser.Runtime.MessageSender, self: Self): SenderKind {
  if (sender.id !== self.id) return 'foreign';
  const url = sender.url ?? '';
  if (url.startsWith(self.base) && !sender.frameId) return 'page';
  if (sender.tab) return 'content';
  return 'foreign';
}

export function mayCall(name: MessageName, kind: SenderKind): boolean {
  return Object.hasOwn(ALLOWED_SENDERS, name) && ALLOWED_SENDERS[name].includes(kind);
}
