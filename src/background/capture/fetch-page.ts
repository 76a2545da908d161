import { decodeHtml } from '../../cli/decode.ts';
import { privateAddressReason, type FetchPolicy } from '../../core/url-policy.ts';
import { readCapped } from '../read-capped.ts';

// One polite GET of one page, with every way it can go told apart: a page to clean, an answer
// that is not a page (kept as a link), a passing trouble worth another try later, or a failure.

export const FETCH_LIMITS = {
  timeoutMs: 30_000,
  /** Larger pages are kept as links: no article needs more, and the worker's memory is shared. */
  maxBytes: 8 * 2 ** 20,
  /** Retry-After is honoured up to this. */
  maxRetryAfterMs: 120_000,
};

export type FetchResult =
  | { kind: 'page'; html: string; finalUrl: string; redirects: string[]; encoding: string }
  | { kind: 'not-page'; reason: string; finalUrl: string; redirects: string[] }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  | { kind: 'failed'; reason: string; finalUrl?: string };

export interface FetchOptions {
  policy: FetchPolicy;
  /** Send the site's cookies (the user turned it on for this site). Off by default. */
  credentials: boolean;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

function retryAfter(v: string | null, now = Date.now()): number | null {
  if (!v) return null;
  const s = Number(v);
  const ms = Number.isFinite(s) ? s * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, FETCH_LIMITS.maxRetryAfterMs) : null;
}

/** The charset the server named, when it is one TextDecoder knows. */
function headerCharset(type: string): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(type);
  if (!m) return null;
  try {
    return new TextDecoder(m[1]!).encoding;
  } catch {
    return null;
  }
}

// The browser refuses a redirect to the user's own machine or network before connecting (the
// declarativeNetRequest guard, guard.ts), and fetch() then fails without saying why. Asked again
// without following redirects, the site answers with an opaque redirect: that tells the two apart
// from an unreachable site (though not where the redirect went: the browser hides that).
const REDIRECT_REFUSED =
  'The site redirects to an address Sift does not fetch (on your own computer or network), or its redirect could not be followed.';

async function answersWithRedirect(fetchFn: typeof fetch, url: string, signal: AbortSignal): Promise<boolean> {
  try {
    const res = await fetchFn(url, { redirect: 'manual', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', signal });
    await res.body?.cancel();
    return res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
  } catch {
    return false;
  }
}

export async function fetchPage(url: string, opts: FetchOptions): Promise<FetchResult> {
  const fetchFn = opts.fetchFn ?? fetch;
  const timeoutMs = opts.timeoutMs ?? FETCH_LIMITS.timeoutMs;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetchFn(url, {
        credentials: opts.credentials ? 'include' : 'omit',
        // fetch follows http(s) redirects only (a redirect to another scheme is a network error);
        // the browser's guard refuses one to a private address before connecting (guard.ts), and
        // where it ended is checked below again before anything of the answer is used.
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
        signal: ctl.signal,
      });
    } catch (err) {
      if (ctl.signal.aborted) return { kind: 'retry', reason: `No answer within ${Math.round(timeoutMs / 1000)} s.`, retryAfterMs: null };
      if (await answersWithRedirect(fetchFn, url, ctl.signal)) return { kind: 'failed', reason: REDIRECT_REFUSED };
      return { kind: 'retry', reason: `The site could not be reached (${String((err as Error)?.message ?? err)}).`, retryAfterMs: null };
    }
    const finalUrl = res.url || url;
    const redirects = res.redirected && finalUrl !== url ? [url] : [];
    let final: URL;
    try {
      final = new URL(finalUrl);
    } catch {
      await res.body?.cancel();
      return { kind: 'failed', reason: 'Redirected to an address that is not valid.' };
    }
    if (final.protocol !== 'http:' && final.protocol !== 'https:') {
      await res.body?.cancel();
      return { kind: 'failed', reason: `Redirected to a ${final.protocol} address, which Sift does not follow.`, finalUrl };
    }
    const priv = privateAddressReason(final, opts.policy);
    if (priv) {
      await res.body?.cancel();
      return { kind: 'failed', reason: `Redirected to a private address. ${priv}`, finalUrl };
    }
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel();
      return { kind: 'retry', reason: `The site answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`, retryAfterMs: retryAfter(res.headers.get('retry-after')) };
    }
    if (!res.ok) {
      await res.body?.cancel();
      return { kind: 'failed', reason: `The site answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`, finalUrl };
    }
    const type = res.headers.get('content-type') ?? '';
    if (type && !HTML_TYPES.test(type)) {
      await res.body?.cancel();
      return { kind: 'not-page', reason: `Not a web page: the address gives ${type.split(';')[0]!.trim()}.`, finalUrl, redirects };
    }
    const max = opts.maxBytes ?? FETCH_LIMITS.maxBytes;
    const bytes = await readCapped(res, max);
    if (!bytes) return { kind: 'not-page', reason: `The page is larger than ${Math.round(max / 2 ** 20)} MB.`, finalUrl, redirects };
    // The server's charset first (browsers do the same), else what the page says or its bytes show.
    const named = headerCharset(type);
    const decoded = named ? { text: new TextDecoder(named).decode(bytes), encoding: named } : decodeHtml(bytes);
    return { kind: 'page', html: decoded.text, finalUrl, redirects, encoding: decoded.encoding };
  } catch (err) {
    if (ctl.signal.aborted) return { kind: 'retry', reason: `No answer within ${Math.round(timeoutMs / 1000)} s.`, retryAfterMs: null };
    return { kind: 'retry', reason: `The answer broke off (${String((err as Error)?.message ?? err)}).`, retryAfterMs: null };
  } finally {
    clearTimeout(timer);
  }
}

/** Backoff before attempt `attempt + 1`: 2 s, 4 s, 8 s... with jitter, at most a minute. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(60_000, 2000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}
