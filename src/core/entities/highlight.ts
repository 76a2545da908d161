import type { Entity, EntityType } from '../types.ts';
import { CJK_OR_PUNCT } from '../text/scripts.ts';
import { FormIndex } from './mentions.ts';

const SKIP = new Set(['MARK', 'SCRIPT', 'STYLE', 'CODE', 'PRE', 'TEXTAREA', 'NOSCRIPT', 'SVG', 'MATH']);
// Elements whose boundaries end a run of text: a name never continues across them.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'TABLE', 'TD',
  'TH', 'TR', 'UL', 'IMG', 'BODY',
]);
const SPACE = /\s/u;

interface Piece {
  node: Text;
  /** Offset in the node of each character kept in the run's text. */
  at: number;
}

/** A run of inline text: its characters, whitespace collapsed, each mapped back to its node. */
interface Run {
  text: string;
  map: Piece[];
}

function isBlock(el: Element): boolean {
  return BLOCK.has(el.tagName.toUpperCase());
}

/**
 * Text runs under root, split at block boundaries. Whitespace runs become one space, and vanish
 * between two CJK characters (markup puts line breaks inside CJK names: "安东尼‧\n<a>布林肯</a>").
 */
function collectRuns(root: Element | DocumentFragment): Run[] {
  const runs: Run[] = [];
  let cur: Run = { text: '', map: [] };
  const flush = (): void => {
    if (cur.text.trim()) runs.push(cur);
    cur = { text: '', map: [] };
  };
  let pendingSpace: Piece | null = null;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const t = child as Text;
        const data = t.data;
        for (let i = 0; i < data.length; i++) {
          const ch = data[i]!;
          if (SPACE.test(ch)) {
            pendingSpace ??= { node: t, at: i };
            continue;
          }
          if (pendingSpace) {
            const prev = cur.text[cur.text.length - 1];
            if (prev && !(CJK_OR_PUNCT.test(prev) && CJK_OR_PUNCT.test(ch))) {
              cur.text += ' ';
              cur.map.push(pendingSpace);
            }
            pendingSpace = null;
          }
          cur.text += ch;
          cur.map.push({ node: t, at: i });
        }
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIP.has(el.tagName.toUpperCase())) {
          flush();
          pendingSpace = null;
          continue;
        }
        const block = isBlock(el);
        if (block) {
          flush();
          pendingSpace = null;
        }
        walk(el);
        if (block) {
          flush();
          pendingSpace = null;
        }
      }
    }
  };
  walk(root);
  flush();
  return runs;
}

/**
 * Wrap every mention of an enabled entity in <mark data-entity-type data-entity>, through the DOM
 * (never through HTML strings, so a name cannot become markup). A name split across inline
 * elements ("Antony <b>Blinken</b>") gets one mark per piece, all with the same attributes.
 * Returns the number of mentions marked.
 */
export function highlightEntities(root: Element | DocumentFragment, entities: Entity[], enabled: ReadonlySet<EntityType>): number {
  const byForm = new Map<string, Entity>();
  for (const e of entities) {
    if (!enabled.has(e.type)) continue;
    for (const form of [e.name, ...e.aliases]) {
      const f = form.replace(/\s+/gu, ' ').trim();
      // A one-character form (美 for 美国) would light up inside unrelated words.
      if (f.length > 1 && !byForm.has(f)) byForm.set(f, e);
    }
  }
  if (byForm.size === 0) return 0;
  const index = new FormIndex(byForm.keys());
  // Pieces to wrap, per text node: [start, end) in the node's own offsets.
  const cuts = new Map<Text, { start: number; end: number; e: Entity }[]>();
  let mentions = 0;
  for (const run of collectRuns(root)) {
    for (const hit of index.find(run.text)) {
      const e = byForm.get(hit.form)!;
      mentions++;
      let i = hit.start;
      while (i < hit.end) {
        const node = run.map[i]!.node;
        const start = run.map[i]!.at;
        let j = i;
        while (j + 1 < hit.end && run.map[j + 1]!.node === node) j++;
        const end = run.map[j]!.at + 1;
        if (node.data.slice(start, end).trim()) {
          if (!cuts.has(node)) cuts.set(node, []);
          cuts.get(node)!.push({ start, end, e });
        }
        i = j + 1;
      }
    }
  }
  const doc = (root.ownerDocument ?? (root as unknown as Document))!;
  for (const [node, pieces] of cuts) {
    pieces.sort((a, b) => a.start - b.start);
    const frag = doc.createDocumentFragment();
    const data = node.data;
    let at = 0;
    for (const p of pieces) {
      if (p.start < at) continue;
      if (p.start > at) frag.append(doc.createTextNode(data.slice(at, p.start)));
      const mark = doc.createElement('mark');
      mark.setAttribute('data-entity-type', p.e.type);
      mark.setAttribute('data-entity', p.e.name);
      mark.textContent = data.slice(p.start, p.end);
      frag.append(mark);
      at = p.end;
    }
    if (at < data.length) frag.append(doc.createTextNode(data.slice(at)));
    node.replaceWith(frag);
  }
  return mentions;
}
