// Golden extraction fixtures: fixtures/extract/<slug>/{source.html, expected.json}. source.html
// keeps the page's original bytes (legacy charsets included) so the CLI's decoding is part of
// what is checked; expected.json holds what extraction must produce from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/core/extract/index.ts';
import { decodeHtml } from '../../src/cli/decode.ts';
import { parseHtml } from '../../src/cli/dom.ts';

export interface FixtureSource {
  /** Where the page comes from: dataset and id, or the project file it copies. */
  origin: string;
  url: string;
}

export interface Expected {
  source: FixtureSource;
  readability: { isArticle: boolean; reason: string };
  article: Record<string, unknown> | null;
}

/** Everything extraction reports except the HTML (checked through the text and the lead image). */
export function extractFixture(bytes: Uint8Array, url: string): Omit<Expected, 'source'> {
  const doc = parseHtml(decodeHtml(bytes).text, url);
  const { article, readability } = extractArticle(doc, { url });
  doc.defaultView?.close();
  if (!article) return { readability, article: null };
  const { html: _html, text, ...meta } = article;
  return { readability, article: { ...meta, text } };
}

export function readFixture(dir: string): { bytes: Uint8Array; expected: Expected } {
  return {
    bytes: readFileSync(join(dir, 'source.html')),
    expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected,
  };
}

/**
 * A faithful reduction for storage: script bodies (JSON-LD kept), style bodies and comments go.
 * Extraction removes all three before it reads anything, so the result does not change; the
 * builder checks that it does not. Works on bytes (latin1 round trip) so no charset is touched.
 */
export function reduceHtml(bytes: Uint8Array): Uint8Array {
  const s = Buffer.from(bytes).toString('latin1');
  const out = s
    .replace(/<!--(?!\[if)[\s\S]*?-->/g, '')
    .replace(/(<script\b([^>]*)>)([\s\S]*?)(<\/script\s*>)/gi, (all, open: string, attrs: string, _body: string, close: string) =>
      /application\/ld\+json/i.test(attrs) ? all : `${open}${close}`,
    )
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
