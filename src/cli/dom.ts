import { JSDOM, VirtualConsole } from 'jsdom';

/** Parse a page into a Document with no scripts, no network and no console noise. */
export function parseHtml(html: string, url: string): Document {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  return dom.window.document;
}

/**
 * Let a parsed page go. jsdom finishes loading a document in tasks of the event loop (load and
 * DOMContentLoaded), and until those tasks have run they hold the document and its window, even
 * after close(). A synchronous loop over many pages therefore kept every one of them: the speed
 * benchmark ran out of its 4 GB heap after about 420 pages, a few MB a page. Awaiting this once a
 * page keeps the heap flat.
 */
export async function releaseDocument(doc: Document): Promise<void> {
  doc.defaultView?.close();
  await new Promise<void>((resolve) => setImmediate(resolve));
}
