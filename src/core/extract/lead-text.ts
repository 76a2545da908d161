// The standfirst: Readability scores paragraphs and keeps the best-scoring parent and its
// siblings, so a lead paragraph set apart in the article's header (<header><p class="lead">,
// an <h2> summary) is often left behind. Pre-clean tagged text blocks inside <article> / <main>
// with their position and that element's; blocks of the same article that Readability left in
// the page, before the text it chose, are put back at the top (the block filter judges them next).
import { CAPTION_ATTR, ORDER_ATTR, SECTION_ATTR } from './pre-clean.ts';
import { ruleOn } from './rules.ts';
import { byTag, closestWhere, descendantsWhere, firstWhere } from './elements.ts';

const MAX_LEAD_BLOCKS = 3;
const MAX_LINK_SHARE = 0.3;

function linkShare(el: Element): number {
  const all = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (!all) return 1;
  let linked = 0;
  for (const a of byTag(el, 'a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / all;
}

export function recoverLead(root: Element, page: Element | null): number {
  if (!page) return 0;
  const first = firstWhere(root, (e) => e.hasAttribute(SECTION_ATTR));
  if (!first) return 0;
  const section = first.getAttribute(SECTION_ATTR)!;
  const start = Number(first.getAttribute(ORDER_ATTR));
  const inSection = (e: Element): boolean => e.getAttribute(SECTION_ATTR) === section;
  const left = descendantsWhere(page, inSection).filter(
    (el) => Number(el.getAttribute(ORDER_ATTR)) < start && !(el.parentElement && closestWhere(el.parentElement, inSection)),
  );
  const lead = left
    .slice(-MAX_LEAD_BLOCKS)
    .filter((el) => linkShare(el) < MAX_LINK_SHARE && !closestWhere(el, (e) => e.hasAttribute(CAPTION_ATTR) || e.localName === 'figure' || e.localName === 'figcaption'));
  if (lead.length === 0 || !ruleOn('recover-lead')) return 0;
  const host = root.firstElementChild && root.childElementCount === 1 ? root.firstElementChild : root;
  const anchor = host.firstChild;
  for (const el of lead) host.insertBefore(el, anchor);
  return lead.length;
}
