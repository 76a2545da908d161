import { budgetErrorFrom, checkResultSize, DEFAULT_BUDGET } from '../core/budget.ts';
import { runPipeline } from '../core/pipeline.ts';
import type { ExtractOutcome } from '../core/types.ts';

// The popup's pipeline on a page that is not open: fetched by the background queue, parsed here
// into an inert document (DOMParser: no browsing context, so no script runs and nothing loads)
// and cleaned and tagged by the same core code. Runs in Chrome's offscreen document and in
// Firefox's background page.
//
// The extension CSP requires Trusted Types for every HTML sink. Here the pipeline parses a
// fetched page and Readability re-parses parts of it (it restores a page between its attempts
// with innerHTML), all on documents without a browsing context, in a context that shows nothing.
// So this context (the offscreen document; Firefox's background page) installs the 'default'
// policy (manifest CSP: trusted-types dompurify default), for HTML only: script and script-URL
// sinks stay closed. It is created here and nowhere else; the extension pages that show things
// never load this file.

interface Policy {
  createHTML(s: string): unknown;
}
let policy: Policy | null = null;

function trusted(html: string): string {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createHTML(s: string): string }): Policy } }).trustedTypes;
  if (!tt) return html;
  policy ??= tt.createPolicy('default', { createHTML: (s) => s });
  return policy.createHTML(html) as string;
}

/**
 * A page whose <title> never closes (a damaged or cut copy: '…</tit' then the rest) is, to an HTML
 * parser, all title: the browser shows a blank page, and the CLI's lenient parser shows the
 * article. Three of the 1,423 dev-set pages are so (bench:import's "no readable text"). When the
 * parsed body holds no text but the title holds markup, the title is ended at the first tag after
 * it and kept to its first line; every other page is parsed as it is.
 */
export function closeRunawayTitle(html: string): string | null {
  const open = /<title\b[^>]*>/i.exec(html);
  if (!open) return null;
  const start = open.index + open[0].length;
  const tag = html.slice(start).search(/<[a-z!/]/i);
  if (tag < 0 || /^<\/title[\s>/]/i.test(html.slice(start + tag, start + tag + 9))) return null;
  return `${html.slice(0, start + tag)}</title>${html.slice(start + tag)}`;
}

function parseInert(html: string): Document {
  // eslint-disable-next-line no-restricted-syntax -- an inert document for the pipeline, never inserted into a page
  return new DOMParser().parseFromString(trusted(html), 'text/html');
}

function withRunawayTitleEnded(doc: Document, html: string): Document {
  const title = doc.querySelector('title');
  if (!title || (doc.body?.textContent ?? '').trim() || !/<[a-z!/]/i.test(title.textContent ?? '')) return doc;
  const repaired = closeRunawayTitle(html);
  if (!repaired) return doc;
  const again = parseInert(repaired);
  const fixed = again.querySelector('title');
  if (fixed) fixed.textContent = (fixed.textContent ?? '').trim().split('\n')[0]!.trim();
  return again;
}

export function parsePage(html: string, url: string): Document {
  const doc = withRunawayTitleEnded(parseInert(html), html);
  // Event-handler attributes never run here (the document has no browsing context) and never
  // reach a clipping (DOMPurify drops them at render), but Trusted Types refuses to copy them when
  // Readability re-creates an element (setAttributeNode): dropped up front.
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) if (name.startsWith('on')) el.removeAttribute(name);
  }
  // Relative links and images resolve against the page's address, as they would in its tab.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  return doc;
}

export function cleanPage(html: string, url: string, uiLang: string): ExtractOutcome {
  try {
    const doc = parsePage(html, url);
    // Forced: the user asked for this page (as the toolbar's quick save does).
    const out = runPipeline(doc, { url, force: true, uiLang, budget: DEFAULT_BUDGET });
    const big = out.ok ? checkResultSize(out, DEFAULT_BUDGET) : null;
    return big ? { ok: false, error: big } : out;
  } catch (err) {
    const budget = budgetErrorFrom(err);
    if (budget) return { ok: false, error: budget };
    return { ok: false, error: { code: 'failed', message: String((err as Error)?.message ?? err) } };
  }
}
