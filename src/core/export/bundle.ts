import { strToU8, zipSync } from 'fflate';

// Many clippings in one download: a zip with one file per clipping.

/** A file name safe on every OS, from an article title (no extension). */
export function safeBaseName(title: string): string {
  return (
    title
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .replace(/\s+/g, ' ')
      .slice(0, 80)
      .trim() || 'clipping'
  );
}

/** Distinct names: a second "Title.md" becomes "Title (2).md" (compared case-insensitively, as on macOS and Windows). */
export function uniqueNames(bases: string[], ext: string): string[] {
  const used = new Set<string>();
  return bases.map((base) => {
    let name = `${base}.${ext}`;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} (${i}).${ext}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export interface BundleFile {
  name: string;
  text: string;
  /** For the zip entry's date. */
  date?: string;
}

export function zipFiles(files: BundleFile[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime?: Date }]> = {};
  for (const f of files) {
    const d = f.date ? new Date(f.date) : undefined;
    // Zip dates cannot be before 1980.
    entries[f.name] = [strToU8(f.text), d && d.getFullYear() >= 1980 ? { mtime: d } : {}];
  }
  return zipSync(entries, { level: 6 });
}
