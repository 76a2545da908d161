// Where an extension may not (or cannot) read the page. Decided from the URL before trying, so the
// popup can say why in plain words instead of showing a browser error.

export type PageAccess = 'ok' | 'browser-page' | 'store' | 'pdf' | 'file';

const BROWSER_SCHEMES = /^(?:chrome|chrome-extension|chrome-search|chrome-untrusted|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|devtools|data|blob|javascript):/i;
const STORES = [
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
];

export function classifyUrl(url: string | undefined | null): PageAccess {
  if (!url) return 'browser-page';
  if (BROWSER_SCHEMES.test(url)) return 'browser-page';
  if (STORES.some((re) => re.test(url))) return 'store';
  if (/^file:/i.test(url)) return /\.pdf(?:[?#]|$)/i.test(url) ? 'pdf' : 'file';
  if (!/^https?:/i.test(url)) return 'browser-page';
  if (/\.pdf(?:[?#]|$)/i.test(url)) return 'pdf';
  return 'ok';
}

/**
 * What the background fetcher may reach. Production: public hosts only. The e2e and benchmark
 * build (SIFT_TEST_HOSTS, vite.config.ts) allows exactly one more: 127.0.0.1, where their test
 * servers listen; nothing else of the machine or its network.
 */
export interface FetchPolicy {
  allowLoopback: boolean;
}
export const STRICT_FETCH_POLICY: FetchPolicy = { allowLoopback: false };

const PRIVATE_NAMES = /(?:^|\.)(?:localhost|local|internal|intranet|lan|home\.arpa|corp|localdomain)$/i;

function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m ? m.slice(1).map(Number) : null;
}

function privateV4([a, b]: number[]): boolean {
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) || (a === 100 && b! >= 64 && b! <= 127) || a! >= 224;
}

/**
 * Why a URL's host is on the user's own machine or network, or null when it is public. Decided
 * from the address as written (a browser extension cannot see DNS answers): IP literals in the
 * private, loopback, link-local and multicast ranges, IPv6 loopback/unique-local/link-local and
 * IPv4-mapped forms of those, names like localhost or *.local, and single-label intranet names.
 */
export function privateAddressReason(u: URL, policy: FetchPolicy = STRICT_FETCH_POLICY): string | null {
  // A name may end in a dot ("localhost." is localhost): judged without it.
  const host = u.hostname.toLowerCase().replace(/(?<=[^.])\.$/, '');
  if (policy.allowLoopback && host === '127.0.0.1') return null;
  const refuse = `Addresses on your own computer or network are not fetched (${host}).`;
  const v4 = ipv4(host);
  if (v4) return privateV4(v4) ? refuse : null;
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    if (v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6)) return refuse;
    const mapped = /^::ffff:(.+)$/.exec(v6);
    if (mapped) {
      const inner = mapped[1]!;
      const dotted = ipv4(inner);
      if (dotted) return privateV4(dotted) ? refuse : null;
      const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(inner);
      if (hex) {
        const hi = parseInt(hex[1]!, 16);
        return privateV4([hi >> 8, hi & 255]) ? refuse : null;
      }
    }
    return null;
  }
  if (PRIVATE_NAMES.test(host) || !host.includes('.')) return refuse;
  return null;
}
