import { normalizeBlocks } from './whitespace.ts';

// Elements that start a new line in rendered text.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH']);

export interface BlockTextOptions {
  /** Leave out picture captions (figcaption and elements carrying this attribute). */
  skipCaptions?: string;
}

/**
 * Plain text of an element with a line break between blocks, whitespace normalised
 * (CJK-aware). Iterative, so a deep tree cannot overflow the stack.
 */
export function blockText(root: Node, options: BlockTextOptions = {}): string {
  const captionAttr = options.skipCaptions;
  const out: string[] = [];
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      out.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP.has(tag)) continue;
    if (captionAttr !== undefined && !leaving && (tag === 'FIGCAPTION' || (node as Element).hasAttribute?.(captionAttr))) {
      out.push('\n');
      continue;
    }
    const block = BLOCK.has(tag);
    if (leaving) {
      if (block) out.push('\n');
      continue;
    }
    if (block) out.push('\n');
    stack.push({ node, leaving: true });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, leaving: false });
  }
  return normalizeBlocks(out.join(''));
}
