// Every extraction rule of ours, in one table: its name, the stage it acts in and what it is
// for. Each can be switched off (bench:ablation turns them off one at a time and measures each
// one's effect on every set of the development pool); in the product all are on. A rule earns
// its place by what the pool loses without it, on more than one set.

export type Stage = 'pre-clean' | 'readability' | 'post-clean' | 'block-filter' | 'block-runs' | 'metadata' | 'net';

export interface Rule {
  name: string;
  stage: Stage;
  purpose: string;
}

export const RULES = [
  // Pre-clean: on a clone, before Readability.
  { name: 'furniture-tags', stage: 'pre-clean', purpose: 'drop nav, aside, footer, header, menu, form, dialog and script-like tags unless they hold the article' },
  { name: 'screen-reader', stage: 'pre-clean', purpose: 'drop text meant only for screen readers (sr-only, visually-hidden)' },
  { name: 'junk-marks', stage: 'pre-clean', purpose: 'drop blocks whose class/id names page furniture (share, related, comments, ad, byline...)' },
  { name: 'teaser-grid', stage: 'pre-clean', purpose: 'drop grids of teaser cards linking to other pages of the site' },
  { name: 'link-headings', stage: 'pre-clean', purpose: 'drop headings made only of links (navigation, promotion)' },
  { name: 'icons', stage: 'pre-clean', purpose: 'drop tracking pixels, logos, icons and QR-code pictures' },
  { name: 'signup-boxes', stage: 'pre-clean', purpose: 'drop the box around an e-mail field with its pitch (newsletter, comment form)' },
  { name: 'text-home', stage: 'pre-clean', purpose: 'never remove the element holding most of the running text, or its ancestors' },
  { name: 'gentle-retry', stage: 'pre-clean', purpose: 'clean again without class names when they emptied a page that had text' },
  { name: 'stand-ins', stage: 'pre-clean', purpose: 'put removed title headings back so Readability drops its title heading, not a section one' },
  // Readability and what we add around it.
  { name: 'low-threshold', stage: 'readability', purpose: 'Readability with a 100-character threshold so short news and CJK pages are not re-parsed' },
  { name: 'threshold-retry', stage: 'readability', purpose: 'read again with Readability\'s own threshold when the low one stopped at a block far shorter than the page\'s running text' },
  { name: 'recover-lead', stage: 'readability', purpose: 'put back the standfirst Readability left in the article header' },
  // Post-clean: on Readability's container.
  { name: 'title-heading', stage: 'post-clean', purpose: 'drop the heading that repeats the title' },
  { name: 'labels', stage: 'block-filter', purpose: 'drop short label, share-bar and breadcrumb lines' },
  { name: 'boilerplate-lines', stage: 'block-filter', purpose: 'drop short rights, sign-off, shortcode and newsletter-promotion lines' },
  { name: 'follow-calls', stage: 'block-filter', purpose: 'drop "follow us on <network>" lines' },
  { name: 'credits', stage: 'block-filter', purpose: 'photo credits: a caption beside a picture, dropped elsewhere' },
  { name: 'internal-links', stage: 'block-filter', purpose: 'drop short blocks that are mostly links into the same site' },
  { name: 'closing-appeal', stage: 'block-filter', purpose: 'drop the appeal after the article ("support our journalism")' },
  { name: 'qr-share', stage: 'block-filter', purpose: 'drop the call to share the page by QR code or copied link at the end' },
  { name: 'captions', stage: 'block-filter', purpose: 'mark short text beside, under or repeating a picture as its caption (kept in HTML, not in text)' },
  { name: 'stamps', stage: 'block-filter', purpose: 'drop byline and date lines near the start or end' },
  { name: 'tiny-lead', stage: 'block-filter', purpose: 'drop one- or two-word lines before the first paragraph' },
  { name: 'closing-boilerplate', stage: 'block-runs', purpose: 'a disclaimer opens the footer: it and what follows go' },
  { name: 'labelled-sections', stage: 'block-runs', purpose: 'drop "Related" / "More from" sections and their links' },
  { name: 'orphan-headings', stage: 'block-runs', purpose: 'drop headings left over nothing' },
  // Metadata.
  { name: 'article-heading-title', stage: 'metadata', purpose: 'take the article\'s heading as the title when the page title shares almost no words with the article' },
  // The safety net (safety-net.ts).
  { name: 'safety-net', stage: 'net', purpose: 'when our result is suspect or our layers throw, keep plain Readability\'s text if it is much longer' },
] as const satisfies readonly Rule[];

export type RuleName = (typeof RULES)[number]['name'];

const off = new Set<string>();
// The rules asked while tracing (bench:ablation): each is asked only where it would act, so a rule
// not asked on a page cannot change that page when it is switched off.
let asked: Set<string> | null = null;

/** Whether a rule is in force (always, unless a benchmark switched it off). */
export function ruleOn(name: RuleName): boolean {
  asked?.add(name);
  return off.size === 0 || !off.has(name);
}

/** Start recording which rules are asked; returns the set being filled. */
export function traceRules(): Set<string> {
  asked = new Set();
  return asked;
}

export function stopTrace(): void {
  asked = null;
}

/** Switch rules off by name; unknown names are an error, so a typo never measures nothing. */
export function disableRules(names: readonly string[]): void {
  for (const n of names) {
    if (!RULES.some((r) => r.name === n)) throw new Error(`unknown rule "${n}"; rules: ${RULES.map((r) => r.name).join(', ')}`);
    off.add(n);
  }
}

export function enableAllRules(): void {
  off.clear();
}
