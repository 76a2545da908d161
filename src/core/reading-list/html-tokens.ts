// A small tag reader for the two HTML exports (Pocket's old export, Netscape bookmark files).
// Both are flat, machine-written lists of <a> tags inside headings and lists; a full HTML parser
// is not needed, and the core must run where there is no DOMParser (Node, a service worker).

export type Token =
  | { kind: 'open'; name: string; attrs: Record<string, string>; line: number }
  | { kind: 'close'; name: string; line: number }
  | { kind: 'text'; text: string; line: number };

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);?/gi, (m, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[name.toLowerCase()] ?? m;
  });
}

const ATTR = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function attrs(src: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of src.matchAll(ATTR)) out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/** Tags and text in order, with the line each starts on. Comments and doctypes are skipped. */
export function* tokens(html: string): Generator<Token> {
  const re = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let line = 1;
  let last = 0;
  const advance = (to: number): void => {
    for (let i = html.indexOf('\n', last); i >= 0 && i < to; i = html.indexOf('\n', i + 1)) line++;
    last = to;
  };
  let m: RegExpExecArray | null;
  let textFrom = 0;
  while ((m = re.exec(html))) {
    if (m.index > textFrom) {
      advance(textFrom);
      const text = html.slice(textFrom, m.index);
      if (text.trim()) yield { kind: 'text', text: decodeEntities(text), line };
    }
    advance(m.index);
    textFrom = re.lastIndex;
    if (!m[2]) continue;
    const name = m[2].toLowerCase();
    if (m[1]) yield { kind: 'close', name, line };
    else yield { kind: 'open', name, attrs: attrs(m[3] ?? ''), line };
  }
  if (textFrom < html.length) {
    advance(textFrom);
    const text = html.slice(textFrom);
    if (text.trim()) yield { kind: 'text', text: decodeEntities(text), line };
  }
}
