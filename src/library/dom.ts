// Small DOM helpers for the library page: text only, never HTML strings.

export const $ = <T extends HTMLElement = HTMLElement>(sel: string): T => document.querySelector<T>(sel)!;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

/** Text with the given ranges wrapped in <mark class="hit"> nodes. */
export function markedText(text: string, ranges: readonly (readonly [number, number])[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [a, b] of ranges) {
    if (a < at || b <= a) continue;
    if (a > at) frag.append(text.slice(at, a));
    frag.append(el('mark', { className: 'hit', textContent: text.slice(a, b) }));
    at = b;
  }
  if (at < text.length) frag.append(text.slice(at));
  return frag;
}

/**
 * Let the page handle input and paint between chunks of long work. A message to ourselves, not
 * setTimeout: timers in a background tab are throttled to one a second, which would turn a
 * two-minute index build into an hour.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
