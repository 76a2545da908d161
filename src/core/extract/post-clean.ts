import { collapseWhitespace } from './cjk-whitespace.ts';

export interface PostCleanContext {
  url: string;
  title: string;
}

const URL_ATTRS: [string, string][] = [
  ['a', 'href'],
  ['img', 'src'],
  ['video', 'src'],
  ['audio', 'src'],
  ['source', 'src'],
];

function absolutize(root: Element, base: string): void {
  for (const [tag, attr] of URL_ATTRS) {
    for (const el of Array.from(root.querySelectorAll(`${tag}[${attr}]`))) {
      const raw = el.getAttribute(attr) ?? '';
      if (raw.startsWith('#')) continue;
      try {
        el.setAttribute(attr, new URL(raw, base).href);
      } catch {
        el.removeAttribute(attr);
      }
    }
  }
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s\p{P}]+/gu, '').toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

export function postClean(root: Element, ctx: PostCleanContext): void {
  absolutize(root, ctx.url);
  const firstHeading = root.querySelector('h1,h2,h3');
  if (firstHeading && sameText(firstHeading.textContent ?? '', ctx.title)) firstHeading.remove();
  collapseWhitespace(root);
}
