// "Painted", as the popup benchmark (bench/popup.ts) reads it from this page's performance
// timeline: `sift:article-dom` is marked right after the article is in the DOM; the browser then
// styles, lays out and paints it in the next frame, whose requestAnimationFrame callback runs just
// before that paint; a message posted from there runs as soon as the frame is done, where
// `sift:article-painted` is marked.

// A notice (not an article, an error) is marked the same way as `sift:notice-*`, and the names
// highlighted once they follow the article as `sift:names-*`.

export const MARK_SENT = 'sift:extract-sent';
export const MARK_RECEIVED = 'sift:extract-received';

/** The popup's scripts have run and it asks the background to read the page. */
export function markSent(): void {
  performance.mark(MARK_SENT);
}

/** The extraction's answer arrived; its in-page timings ride along for the benchmark. */
export function markReceived(timings: unknown): void {
  performance.mark(MARK_RECEIVED, { detail: timings });
}

/** The names of the article arrived; the tagger's in-page time rides along. */
export function markNamesReceived(ms: number): void {
  performance.mark('sift:names-received', { detail: { entitiesMs: ms } });
}

/** Mark the DOM change, then the frame that shows it; resolves once that frame is done. */
export function markPainted(what: 'article' | 'notice' | 'names' = 'article'): Promise<void> {
  performance.mark(`sift:${what}-dom`);
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        performance.mark(`sift:${what}-painted`);
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(0);
    });
  });
}
