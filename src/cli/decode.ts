// Decode page bytes as a browser would, for files read from disk (no HTTP header to go by):
// 1. a byte order mark;
// 2. bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever the page declares (a
//    stale <meta charset> over UTF-8 bytes is a common mislabel; legacy text is practically
//    never valid UTF-8 by accident);
// 3. the declared charset: <meta charset>, <meta http-equiv="Content-Type" content="...charset=">
//    or <?xml encoding=?>, looked for in <head> (browsers prescan 1024 bytes, then re-decode when
//    the parser meets a later declaration: scanning the head comes to the same);
// 4. without a declaration, the legacy encoding whose decoding reads most like text: the common
//    Chinese, Japanese and Korean multi-byte encodings are tried, then windows-1252.

import { COMMON_HAN } from './common-han.ts';

const HEAD_SCAN = 64 * 1024;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function label(raw: string): string | null {
  const l = raw.trim().toLowerCase();
  // A page that claims UTF-16 in ASCII-compatible bytes is read as UTF-8 (HTML spec); GB2312
  // and GBK pages often use GB18030 characters, which browsers decode too.
  if (l.startsWith('utf-16')) return 'utf-8';
  if (l === 'gb2312' || l === 'gbk' || l === 'x-gbk' || l === 'gb_2312-80') return 'gb18030';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

/** The charset the page declares in its head, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_SCAN));
  const end = head.search(/<body[\s>]/i);
  if (end > 0) head = head.slice(0, end);
  const xml = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) {
      const enc = label(direct[1]!);
      if (enc) return enc;
    }
  }
  return xml ? label(xml[1]!) : null;
}

// A wrong multi-byte guess turns text into rare characters, Private Use or replacement characters.

function textScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) score -= 10;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7a3)) score += 2;
    else if (COMMON_HAN.has(ch)) score += 2;
    else if (c >= 0x4e00 && c <= 0x9fff) score -= 1;
  }
  return score;
}

const LEGACY = ['gb18030', 'big5', 'shift_jis', 'euc-kr', 'euc-jp'];

function guessLegacy(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, 256 * 1024);
  let best = 'windows-1252';
  let bestScore = 0;
  for (const enc of LEGACY) {
    let text: string;
    try {
      text = new TextDecoder(enc).decode(sample);
    } catch {
      continue;
    }
    const score = textScore(text);
    if (score > bestScore) [best, bestScore] = [enc, score];
  }
  return best;
}

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const fromBom = bom(bytes);
  if (fromBom) return { text: new TextDecoder(fromBom).decode(bytes), encoding: fromBom };
  if (!isAscii(bytes.subarray(0, HEAD_SCAN * 4)) && validUtf8(bytes)) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
  const enc = declaredCharset(bytes) ?? (validUtf8(bytes) ? 'utf-8' : guessLegacy(bytes));
  return { text: new TextDecoder(enc).decode(bytes), encoding: enc };
}
