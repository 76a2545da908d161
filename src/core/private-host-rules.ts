// declarativeNetRequest rules that keep the extension's own background requests (the capture
// fetches) away from the user's machine and network, redirects included: the browser checks every
// request, the first and each one a redirect leads to, before it connects. fetch() cannot do this
// by itself: with redirect:'manual' an extension sees an opaque redirect without its Location.
//
// The patterns mirror privateAddressReason (url-policy.ts) on canonical URLs (the browser
// lower-cases hosts, writes IPv4 in dotted decimal and IPv6 compressed, and IPv4-mapped IPv6 in
// hex), in RE2 syntax (no look-around), which both browsers accept. Pure data: unit-tested in Node.

export interface GuardRule {
  id: number;
  priority: number;
  action: { type: 'block' | 'allow' };
  condition: { regexFilter: string; tabIds: number[]; resourceTypes: ('xmlhttprequest' | 'other')[] };
}

/** Rule ids 9000-9099 belong to this guard (nothing else in Sift uses the API). */
export const GUARD_RULE_IDS = { first: 9000, last: 9099 };

const START = '^https?://(?:[^/?#@]*@)?';
const END = '(?::\\d+)?(?:[/?#]|$)';
const OCTET = '\\d{1,3}';

/** Hosts that privateAddressReason refuses, as regular expressions for the host part of a URL. */
export const PRIVATE_HOST_PATTERNS: readonly string[] = [
  // IPv4: 0/8, 10/8, 127/8, 224/3 (multicast and reserved)
  `(?:0|10|127|22[4-9]|23\\d|24\\d|25[0-5])\\.${OCTET}\\.${OCTET}\\.${OCTET}`,
  // 169.254/16, 172.16/12, 192.168/16, 100.64/10
  `(?:169\\.254|172\\.(?:1[6-9]|2\\d|3[01])|192\\.168|100\\.(?:6[4-9]|[7-9]\\d|1[01]\\d|12[0-7]))\\.${OCTET}\\.${OCTET}`,
  // IPv6: unspecified, loopback, unique-local fc00::/7, link-local fe80::/10
  '\\[(?:::1?|f[cd][0-9a-f:.]*|fe[89ab][0-9a-f:.]*)\\]',
  // IPv4-mapped IPv6 of the ranges above (::ffff:a.b.c.d is written ::ffff:HHHH:HHHH)
  '\\[::ffff:(?:[0-9a-f]{1,2}|a[0-9a-f]{2}|7f[0-9a-f]{2}|[ef][0-9a-f]{3}|a9fe|ac1[0-9a-f]|c0a8|64[4-7][0-9a-f]):[0-9a-f]{1,4}\\]',
  // Names of the local network, and single-label names (intranet hosts)
  '(?:[^/?#@:\\[]*\\.)?(?:localhost|local|internal|intranet|lan|home\\.arpa|corp|localdomain)\\.?',
  '[^./?#@:\\[]+\\.?',
];

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The guard's rules: block the private hosts for requests outside tabs (tabIds -1: the service
 * worker or Firefox's background page; tabs are the user's own browsing, never touched), and
 * allow, above them, what Sift must reach there: the user's own sync server (it may well be on
 * this machine or network) and, in the e2e build only, 127.0.0.1.
 */
export function guardRules(opts: { allowLoopback: boolean; allowOrigins: readonly string[] }): GuardRule[] {
  const rules: GuardRule[] = [];
  let id = GUARD_RULE_IDS.first;
  const rule = (type: 'block' | 'allow', regexFilter: string): void => {
    // fetch() from the worker is an "xmlhttprequest" (Firefox may say "other"); images in the popup
    // (also outside tabs) are left alone.
    rules.push({ id: id++, priority: type === 'allow' ? 2 : 1, action: { type }, condition: { regexFilter, tabIds: [-1], resourceTypes: ['xmlhttprequest', 'other'] } });
  };
  for (const host of PRIVATE_HOST_PATTERNS) rule('block', `${START}${host}${END}`);
  if (opts.allowLoopback) rule('allow', `${START}127\\.0\\.0\\.1${END}`);
  for (const origin of opts.allowOrigins.slice(0, GUARD_RULE_IDS.last - GUARD_RULE_IDS.first - rules.length)) {
    rule('allow', `^${escapeRegex(origin.toLowerCase())}(?:[/?#]|$)`);
  }
  return rules;
}

/** What the rules decide for a URL, as the browser would (highest priority wins; allow beats block). */
export function guardDecision(rules: readonly GuardRule[], url: string): 'block' | 'allow' | null {
  let best: GuardRule | null = null;
  for (const r of rules) {
    if (!new RegExp(r.condition.regexFilter, 'i').test(url)) continue;
    if (!best || r.priority > best.priority || (r.priority === best.priority && r.action.type === 'allow')) best = r;
  }
  return best?.action.type ?? null;
}
