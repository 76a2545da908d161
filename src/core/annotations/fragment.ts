// "Copy link to highlight": the article's address with a text fragment
// (https://wicg.github.io/scroll-to-text-fragment/), which Chromium browsers scroll to and mark.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Fragment directive syntax reserves '-', ',' and '&': percent-encode them too. */
function enc(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * The URL of `url` opened at the passage `exact`. A long passage is given by its first and
 * last words (textStart,textEnd); in spaced scripts a few words of context on each side make it
 * unique. Context is left out in CJK text, where a browser's word boundaries would not match ours.
 */
export function textFragmentUrl(url: string, quote: { exact: string; prefix: string; suffix: string }): string {
  const base = url.replace(/#.*$/, '');
  const exact = quote.exact.replace(/\s+/g, ' ').trim();
  const cjk = CJK.test(exact);
  let target: string;
  const w = words(exact);
  if (!cjk && w.length > 10) target = `${enc(w.slice(0, 4).join(' '))},${enc(w.slice(-4).join(' '))}`;
  else if (cjk && exact.length > 40) target = `${enc(exact.slice(0, 12))},${enc(exact.slice(-12))}`;
  else target = enc(exact);
  if (!cjk) {
    // Only whole words, and only where a space separates them from the passage: the outermost
    // word of a context may have been cut, and a cut word never matches.
    const pw = words(quote.prefix);
    const sw = words(quote.suffix);
    const pre = /\s$/.test(quote.prefix) ? pw.slice(Math.max(1, pw.length - 3)) : [];
    const suf = /^\s/.test(quote.suffix) ? sw.slice(0, Math.min(3, sw.length - 1)) : [];
    if (pre.length) target = `${enc(pre.join(' '))}-,${target}`;
    if (suf.length) target = `${target},-${enc(suf.join(' '))}`;
  }
  return `${base}#:~:text=${target}`;
}
