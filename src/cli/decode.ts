// Decode page bytes as a browser would: BOM, then <meta charset> / http-equiv in the first
// kilobytes, then UTF-8 when the bytes are valid UTF-8, then windows-1252.

const PRESCAN_BYTES = 4096;

function bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function declared(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w-]+)/i.exec(head);
  if (!m) return null;
  const label = m[1]!.toLowerCase();
  // A page that claims UTF-16 in ASCII-compatible bytes is read as UTF-8 (HTML spec).
  if (label.startsWith('utf-16')) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const enc = bom(bytes) ?? declared(bytes);
  if (enc) return { text: new TextDecoder(enc).decode(bytes), encoding: enc };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
