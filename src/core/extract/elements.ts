// Cheap ways to list and find elements, for the hot loops of the cleaners. Two jsdom costs make
// the obvious forms slow (bench/speed.ts; profiled 2026-12-07 on zyte-dev and newsweb-dev):
// - an HTMLCollection (getElementsByTagName, children) answers every property that is not an
//   index, `length` and `item` included, by first looking the name up among its elements' ids
//   and names, a scan of the whole collection. Array.from and for-of read `length` at every
//   step, so listing a collection of n elements cost n scans of n; read by index it costs one.
// - querySelector/querySelectorAll with a selector list or an attribute go through a general
//   selector engine that is about ten times slower than walking the subtree ourselves.
// Browsers do not have these costs, and the answers are the same: these only change the speed.

/** The elements named `tag` (or every element for '*') under `root`, in document order, as a plain array. */
export function byTag(root: Element | Document, tag: string): Element[] {
  const live = root.getElementsByTagName(tag);
  const out: Element[] = [];
  for (let i = 0, n = live.length; i < n; i++) out.push(live[i]!);
  return out;
}

/** The next element after `el` in document order, staying inside `root` (null at the end). */
export function nextInside(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    if (e.nextElementSibling) return e.nextElementSibling;
  }
  return null;
}

/** The descendants of `root` that pass `test`, in document order; the first `limit` of them (walked only that far). */
export function descendantsWhere(root: Element, test: (el: Element) => boolean, limit = Infinity): Element[] {
  const out: Element[] = [];
  for (let e = nextInside(root, root); e && out.length < limit; e = nextInside(e, root)) if (test(e)) out.push(e);
  return out;
}

/** Whether some descendant of `root` has one of these local names (lower case, as in a selector: 'img', 'svg'). */
export function hasDescendant(root: Element, names: ReadonlySet<string>): boolean {
  for (let e = nextInside(root, root); e; e = nextInside(e, root)) if (names.has(e.localName)) return true;
  return false;
}

/** The first descendant of `root` with one of these local names, in document order. */
export function firstDescendant(root: Element, names: ReadonlySet<string>): Element | null {
  for (let e = nextInside(root, root); e; e = nextInside(e, root)) if (names.has(e.localName)) return e;
  return null;
}

/** The first descendant of `root` that passes `test`, in document order. */
export function firstWhere(root: Element, test: (el: Element) => boolean): Element | null {
  for (let e = nextInside(root, root); e; e = nextInside(e, root)) if (test(e)) return e;
  return null;
}

/** The nearest of `el` and its ancestors that passes `test`, as closest() finds it. */
export function closestWhere(el: Element, test: (el: Element) => boolean): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (test(e)) return e;
  return null;
}
