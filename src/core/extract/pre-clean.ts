// Boilerplate Readability tends to keep, removed from the working clone before it runs.
// Decisions come from structure (link density, size, position), never from site names.

const TRACKING_MAX_PX = 2;

function linkTextRatio(el: Element): number {
  const text = (el.textContent ?? '').replace(/\s+/g, '');
  if (text.length === 0) return 0;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  }
  return linked / text.length;
}

function isTrackingPixel(img: Element): boolean {
  const w = Number.parseInt(img.getAttribute('width') ?? '', 10);
  const h = Number.parseInt(img.getAttribute('height') ?? '', 10);
  return (!Number.isNaN(w) && w <= TRACKING_MAX_PX) || (!Number.isNaN(h) && h <= TRACKING_MAX_PX);
}

export function preClean(doc: Document): void {
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (isTrackingPixel(img)) img.remove();
  }
  // Headings made only of links are navigation or promotion, not article headings.
  for (const h of Array.from(doc.querySelectorAll('h1,h2,h3,h4,h5,h6'))) {
    if (h.querySelector('a[href]') && linkTextRatio(h) > 0.9) h.remove();
  }
}
