import { privateAddressReason, type FetchPolicy } from '../url-policy.ts';

/**
 * Whether an address from an export may be queued, and if not why. Only http(s) to public
 * hosts: `javascript:`, `file:`, `data:` and the like are refused, and so are addresses on the
 * user's own machine or network (an export is a file from elsewhere: it must not make Sift
 * reach into the user's router or intranet).
 */
export function checkItemUrl(raw: string, policy: FetchPolicy): { url: string } | { reason: string } {
  const text = raw.trim();
  if (!text) return { reason: 'No address.' };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { reason: `Not a web address: ${clip(text)}` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { reason: `Only http and https addresses can be saved, not ${u.protocol.slice(0, 20)}` };
  const priv = privateAddressReason(u, policy);
  if (priv) return { reason: priv };
  u.hash = '';
  return { url: u.href };
}

/** The key two lines of one export are the same page by (the fragment does not change a page). */
export function sameItemKey(url: string): string {
  return url.replace(/#.*$/, '').replace(/\/$/, '');
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
