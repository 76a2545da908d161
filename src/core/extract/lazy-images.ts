// Lazy-loaded pictures: the real address sits in data-* attributes or srcset while src holds a
// placeholder (a data: URI, a 1x1 gif) until a script swaps them in, which never happens here.
import { byTag } from './elements.ts';

const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-orig-src', 'data-actualsrc', 'data-echo', 'data-img-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];
const PLACEHOLDER = /^data:|(?:^|[/_.-])(?:blank|spacer|pixel|placeholder|transparent|grey|gray|lazy|loading|loader)[\w-]*\.(?:gif|png|svg)(?:$|\?)/i;

/** The largest candidate of a srcset ("a.jpg 320w, b.jpg 1024w" -> b.jpg). */
export function largestFromSrcset(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const part of srcset.split(/,\s+|,(?=\S+\s+\d)/)) {
    const [url, size] = part.trim().split(/\s+/);
    if (!url || url.startsWith('data:')) continue;
    const n = size ? Number.parseFloat(size) * (size.endsWith('x') ? 1000 : 1) : 1;
    if (n > bestSize) {
      best = url;
      bestSize = n;
    }
  }
  return best;
}

/** The address a browser would finally show for an <img>, or null. */
export function imageSource(img: Element): string | null {
  for (const a of LAZY_SRC) {
    const v = img.getAttribute(a)?.trim();
    if (v && !v.startsWith('data:') && !/^\{/.test(v)) return v;
  }
  const src = img.getAttribute('src')?.trim();
  if (src && !PLACEHOLDER.test(src)) return src;
  for (const a of ['srcset', ...LAZY_SRCSET]) {
    const v = img.getAttribute(a);
    const best = v ? largestFromSrcset(v) : null;
    if (best) return best;
  }
  return src && !src.startsWith('data:') ? src : null;
}

/** Resolve lazy pictures under `root` in place; pictures with no address at all are removed. */
export function resolveLazyImages(root: Element): void {
  for (const img of byTag(root, 'img')) {
    const src = imageSource(img);
    if (!src) {
      img.remove();
      continue;
    }
    if (img.getAttribute('src') !== src) img.setAttribute('src', src);
    for (const a of LAZY_SRCSET) {
      const v = img.getAttribute(a);
      if (v && !img.getAttribute('srcset')) img.setAttribute('srcset', v);
    }
    for (const a of [...LAZY_SRC, ...LAZY_SRCSET]) img.removeAttribute(a);
  }
  for (const source of byTag(root, 'source')) {
    for (const a of LAZY_SRCSET) {
      const v = source.getAttribute(a);
      if (v && !source.getAttribute('srcset')) source.setAttribute('srcset', v);
      source.removeAttribute(a);
    }
  }
}
