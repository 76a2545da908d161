import { JSDOM, VirtualConsole } from 'jsdom';

/** Parse a page into a Document with no scripts, no network and no console noise. */
export function parseHtml(html: string, url: string): Document {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  return dom.window.document;
}
