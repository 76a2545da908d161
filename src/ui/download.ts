import { safeBaseName } from '../core/export/bundle.ts';

/** Offer data as a file download from an extension page. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(filename: string, text: string | string[], type: string): void {
  downloadBlob(filename, new Blob(Array.isArray(text) ? text : [text], { type }));
}


/** A file name safe on every OS, from an article title. */
export function fileName(title: string, ext: string): string {
  return `${safeBaseName(title)}.${ext}`;
}

export function dateStamp(d = new Date()): string {
  return d.toISOString().slice(0, 10);
}
