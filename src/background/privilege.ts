import type browser from 'webextension-polyfill';
import { ALLOWED_SENDERS, type MessageName, type SenderKind } from '../shared/protocol.ts';

export interface Self {
  /** runtime.id */
  id: string;
  /** runtime.getURL(''), e.g. chrome-extension://ID/ */
  base: string;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.origin === 'null' ? `${u.protocol}//${u.host}` : u.origin;
  } catch {
    return null;
  }
}

/**
 * Who sent a message, decided from where it came, never from what it says:
 * - 'page': a top-level document of the extension's own origin (popup, options, library), also
 *   when opened in a tab. `sender.tab` is set for those too, and content scripts share
 *   `sender.id`, so neither tells them apart (../shared/SECURITY.md): the origin does. Chromium
 *   also reports `sender.origin`; when present it must agree.
 * - 'content': our content script, running in a web page (its URL is the page's).
 * - 'foreign': anything else, e.g. another extension, or an extension page framed in a web page.
 */
export function senderKind(sender: browser.Runtime.MessageSender, self: Self): SenderKind {
  if (sender.id !== self.id) return 'foreign';
  const own = originOf(self.base);
  const origin = originOf(sender.url);
  const claimed = (sender as { origin?: string }).origin;
  if (own && origin === own) {
    if (claimed !== undefined && claimed !== own) return 'foreign';
    return sender.frameId ? 'foreign' : 'page';
  }
  if (sender.tab && origin) return 'content';
  return 'foreign';
}

/** Whether a sender of this kind may call the message (ALLOWED_SENDERS in shared/protocol.ts). */
export function mayCall(name: MessageName, kind: SenderKind): boolean {
  return Object.hasOwn(ALLOWED_SENDERS, name) && ALLOWED_SENDERS[name].includes(kind);
}
