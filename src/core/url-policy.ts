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
