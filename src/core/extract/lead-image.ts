// The lead picture: Readability keeps the text block and often drops the photo above it (the
// seed page's photo and caption sit before the navigation that precedes the text). Pre-clean
// recorded the pictures with their document position and caption; here the one that belongs to
// the article is put back at its top: the nearest picture before the first paragraph of the
// article with no other paragraph in between, or the page's declared image (og:image) if it
// stands before the article.
import type { LeadImage } from '../types.ts';
import { CAPTION_ATTR, ORDER_ATTR, type LeadCandidate } from './pre-clean.ts';
import { firstWhere } from './elements.ts';

function stem(src: string): string {
  // "photo-600x400.jpg?x=1" and "photo.jpg" are the same picture at different sizes.
  const path = src.replace(/[?#].*$/, '').split('/').pop() ?? '';
  return path.replace(/[-_]\d{2,4}x\d{2,4}(?=\.\w+$)/, '').replace(/\.\w+$/, '').toLowerCase();
}

function firstOrder(root: Element): number | null {
  const el = firstWhere(root, (e) => e.hasAttribute(ORDER_ATTR));
  return el ? Number(el.getAttribute(ORDER_ATTR)) : null;
}

function hasLeadPicture(root: Element, paragraphsBefore: number): boolean {
  // A picture already inside the article, before its second paragraph, is the lead.
  let seenText = 0;
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
    const t = n.tagName;
    if (t === 'IMG' || t === 'PICTURE' || t === 'VIDEO') return true;
    if (t === 'P' && (n.textContent ?? '').trim().length > 80 && ++seenText > paragraphsBefore) return false;
  }
  return false;
}

export function chooseLead(
  root: Element,
  candidates: LeadCandidate[],
  paragraphs: number[],
  declared: string | null,
): LeadCandidate | null {
  if (candidates.length === 0 || hasLeadPicture(root, 1)) return null;
  const start = firstOrder(root);
  if (start === null) return null;
  const declaredStem = declared ? stem(declared) : null;
  let best: LeadCandidate | null = null;
  for (const c of candidates) {
    if (c.order >= start) break;
    const between = paragraphs.some((p) => p > c.order && p < start);
    const isDeclared = declaredStem !== null && stem(c.src) === declaredStem;
    if (!between || isDeclared) best = c;
  }
  return best;
}

/** Put the lead picture (and its caption) at the top of the article. */
export function insertLead(root: Element, lead: LeadCandidate, base: string): LeadImage {
  const doc = root.ownerDocument;
  const figure = doc.createElement('figure');
  const img = doc.createElement('img');
  let src = lead.src;
  try {
    src = new URL(lead.src, base).href;
  } catch {
    // Keep the address as written.
  }
  img.setAttribute('src', src);
  img.setAttribute('alt', lead.alt);
  figure.appendChild(img);
  if (lead.caption) {
    const fc = doc.createElement('figcaption');
    fc.textContent = lead.caption;
    fc.setAttribute(CAPTION_ATTR, '');
    figure.appendChild(fc);
  }
  const host = root.firstElementChild && root.children.length === 1 ? root.firstElementChild : root;
  host.insertBefore(figure, host.firstChild);
  return { src, alt: lead.alt, caption: lead.caption };
}
