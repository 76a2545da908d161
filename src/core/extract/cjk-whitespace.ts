import { CJK_OR_PUNCT } from '../text/scripts.ts';

const BLOCKS = new Set([
  'P', 'DIV', 'LI', 'TD', 'TH', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGCAPTION',
  'FIGURE', 'SECTION', 'ARTICLE', 'DD', 'DT', 'CAPTION', 'TABLE', 'UL', 'OL', 'BODY',
]);
const PRESERVE = new Set(['PRE', 'CODE', 'TEXTAREA', 'SCRIPT', 'STYLE']);
const WS = /[ \t\n\r\f]/;

function blockOf(node: Node, root: Node): Node {
  let cur = node.parentNode;
  while (cur && cur !== root) {
    if (cur.nodeType === 1 && BLOCKS.has((cur as Element).tagName.toUpperCase())) return cur;
    cur = cur.parentNode;
  }
  return root;
}

function preserved(node: Node, root: Node): boolean {
  let cur = node.parentNode;
  while (cur && cur !== root) {
    if (cur.nodeType === 1 && PRESERVE.has((cur as Element).tagName.toUpperCase())) return true;
    cur = cur.parentNode;
  }
  return false;
}

/**
 * Collapse whitespace runs in the text nodes under `root`, across inline element boundaries:
 * a run between two CJK characters (or CJK punctuation) is removed, any other run becomes one
 * space. Source HTML breaks lines inside Chinese sentences; a browser would show those breaks
 * as spaces between characters.
 */
export function collapseWhitespace(root: Element): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const groups: Text[][] = [];
  let lastBlock: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (preserved(n, root)) {
      lastBlock = null;
      continue;
    }
    const block = blockOf(n, root);
    if (block !== lastBlock || groups.length === 0) groups.push([]);
    groups[groups.length - 1]!.push(n as Text);
    lastBlock = block;
  }
  for (const group of groups) collapseGroup(group);
}

function collapseGroup(nodes: Text[]): void {
  // Characters of the group with their owners, so runs that span nodes can be judged whole.
  const chars: { node: number; ch: string }[] = [];
  nodes.forEach((t, i) => {
    for (const ch of t.data) chars.push({ node: i, ch });
  });
  const keep: string[][] = nodes.map(() => []);
  let i = 0;
  let prev = '';
  while (i < chars.length) {
    const c = chars[i]!;
    if (!WS.test(c.ch)) {
      keep[c.node]!.push(c.ch);
      prev = c.ch;
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && WS.test(chars[j]!.ch)) j++;
    const next = j < chars.length ? chars[j]!.ch : '';
    const drop = (prev && next && CJK_OR_PUNCT.test(prev) && CJK_OR_PUNCT.test(next)) || false;
    if (!drop) keep[c.node]!.push(' ');
    i = j;
  }
  nodes.forEach((t, k) => {
    const data = keep[k]!.join('');
    if (data !== t.data) t.data = data;
  });
}
