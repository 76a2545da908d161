// What rendered article HTML may contain, checked on the live DOM. Self-contained (no imports, no
// closures) so Playwright can run it inside an extension page, and vitest on a jsdom fragment.

export interface DomProblem {
  what: string;
  html: string;
}

/**
 * Problems in rendered article content under `root` (the sanitiser's output as shown):
 * elements that fetch, run or navigate; event handlers; URLs other than http(s) links and
 * http(s)/data images; links without noopener/noreferrer.
 */
export function inspectArticleDom(root: ParentNode): DomProblem[] {
  const FORBIDDEN = [
    'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
    'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'template', 'video', 'audio', 'source',
    'track', 'picture', 'portal', 'fencedframe', 'noscript', 'canvas', 'map', 'area', 'dialog', 'slot', 'param',
  ];
  const BAD_ATTRS = [
    'style', 'srcset', 'sizes', 'imagesrcset', 'action', 'formaction', 'background', 'poster', 'ping', 'lowsrc',
    'dynsrc', 'longdesc', 'usemap', 'xlink:href', 'srcdoc', 'download', 'attributionsrc', 'data', 'codebase',
    'id', 'name', 'is', 'popover', 'popovertarget', 'autofocus', 'http-equiv',
  ];
  const problems: DomProblem[] = [];
  const add = (what: string, el: Element) => problems.push({ what, html: el.outerHTML.slice(0, 300) });
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName;
    if (FORBIDDEN.includes(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml' || tag.includes('-')) add(`element <${tag}>`, el);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith('on')) add(`handler ${name}`, el);
      else if (BAD_ATTRS.includes(name)) add(`attribute ${name}`, el);
      else if (name === 'href') {
        if (!/^https?:\/\//i.test(value)) add(`href ${value.slice(0, 60)}`, el);
      } else if (name === 'src') {
        if (!/^(?:https?:\/\/|data:)/i.test(value)) add(`src ${value.slice(0, 60)}`, el);
      } else if (name === 'cite' || name === 'formtarget' || name === 'target') {
        if (name !== 'target' || value !== '_blank') add(`attribute ${name}=${value.slice(0, 40)}`, el);
      }
    }
    if (tag === 'a' && el.hasAttribute('href')) {
      const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) add('link without noopener noreferrer', el);
    }
    if (tag === 'img' && el.getAttribute('src') && el.getAttribute('referrerpolicy') !== 'no-referrer') add('image with a referrer', el);
  }
  return problems;
}
