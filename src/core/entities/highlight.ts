import type { Entity, EntityType } from '../types.ts';
import { formsPattern } from './mentions.ts';

const SKIP = new Set(['MARK', 'SCRIPT', 'STYLE', 'CODE', 'PRE', 'TEXTAREA']);

/**
 * Wrap every mention of an enabled entity in <mark data-entity-type data-entity>, working on text
 * nodes through the DOM (never through HTML strings, so a name cannot become markup).
 * Returns the number of marks made.
 */
export function highlightEntities(root: Element | DocumentFragment, entities: Entity[], enabled: ReadonlySet<EntityType>): number {
  const byForm = new Map<string, Entity>();
  for (const e of entities) {
    if (!enabled.has(e.type)) continue;
    for (const form of [e.name, ...e.aliases]) if (!byForm.has(form)) byForm.set(form, e);
  }
  const re = formsPattern([...byForm.keys()]);
  if (!re) return 0;
  const doc = root.ownerDocument!;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let p = n.parentNode;
    let skip = false;
    while (p && p !== root) {
      if (p.nodeType === 1 && SKIP.has((p as Element).tagName.toUpperCase())) {
        skip = true;
        break;
      }
      p = p.parentNode;
    }
    if (!skip) texts.push(n as Text);
  }
  let made = 0;
  for (const t of texts) {
    const data = t.data;
    re.lastIndex = 0;
    const matches = [...data.matchAll(re)];
    if (matches.length === 0) continue;
    const frag = doc.createDocumentFragment();
    let at = 0;
    for (const m of matches) {
      const e = byForm.get(m[0])!;
      if (m.index! > at) frag.append(doc.createTextNode(data.slice(at, m.index)));
      const mark = doc.createElement('mark');
      mark.setAttribute('data-entity-type', e.type);
      mark.setAttribute('data-entity', e.name);
      mark.textContent = m[0];
      frag.append(mark);
      made++;
      at = m.index! + m[0].length;
    }
    if (at < data.length) frag.append(doc.createTextNode(data.slice(at)));
    t.replaceWith(frag);
  }
  return made;
}
