// Payload builders shared by the hostile corpus's page families (hostile-pages-*.ts).
// Every payload carries its own id (h07c = page 7, payload c); see hostile-corpus.ts.

export const TRACKER = 'http://tracker.sift.test';
export const T = (id: string): string => `${TRACKER}/t/${id}`;
export const JS = (id: string): string =>
  `document.createElement('img').src='${TRACKER}/x/${id}';console.log('XSS-MARKER:${id}');window.__siftXss='${id}';alert('${id}')`;
/** The same without quotes or spaces, for unquoted attributes and URL tricks. */
export const JSQ = (id: string): string => `alert(/${id}/.source);window.__siftXss=/${id}/.source`;

export const dec = (s: string): string => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
export const decPad = (s: string): string => [...s].map((c) => `&#${String(c.codePointAt(0)).padStart(7, '0')}`).join('');
export const hex = (s: string): string => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface HostilePage {
  slug: string;
  /** What the page attacks, for the report. */
  family: string;
  prose: number;
  /** Raw HTML for <title> (RCDATA: markup in it is text). Defaults to the prose title. */
  title?: string;
  head?: string[];
  /** Raw HTML inside <h1>. */
  h1?: string;
  /** Raw HTML of the byline. */
  byline?: string;
  /** Raw attribute value (already escaped as needed) and caption HTML of the lead figure. */
  alt?: string;
  caption?: string;
  /** No images on the page (a <base> would move them to the attacker). */
  noImages?: boolean;
  /** Payloads, one after each paragraph in turn (more than paragraphs: several per gap). */
  body: string[];
  /** Raw HTML after the article (tag lists, footers). */
  aside?: string[];
  htmlAttrs?: string;
}

/** Adds one page: `make` gets the page's payload-id maker (id('a') → 'h07a'). */
export type AddPage = (n: number, make: (id: (c: string) => string) => HostilePage) => void;
