// Country and region names from the JavaScript engine's own CLDR data (Intl.DisplayNames):
// nothing to ship, and every language the engine knows.

const cache = new Map<string, Map<string, string>>();
const A = 'A'.charCodeAt(0);

/** Region display names in `locale`, name -> ISO code. */
export function regionNames(locale: string): Map<string, string> {
  const hit = cache.get(locale);
  if (hit) return hit;
  const out = new Map<string, string>();
  let dn: Intl.DisplayNames;
  try {
    dn = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  } catch {
    cache.set(locale, out);
    return out;
  }
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      // XA-XZ, QM-QZ, AA, ZZ are private use; EU/UN/EZ are not places a text names as regions.
      if (/^(X.|Q[M-Z]|AA|ZZ|EU|EZ|UN)$/.test(code)) continue;
      let name: string | undefined;
      try {
        name = dn.of(code);
      } catch {
        continue;
      }
      if (name && name !== code) out.set(name, code);
    }
  }
  cache.set(locale, out);
  return out;
}
