import { SiftError } from '../../shared/errors.ts';

/** Chromium: QuotaExceededError (also wrapped by Dexie as inner), or a failed blob write on a full disk; Firefox: NS_ERROR_FILE_NO_DEVICE_SPACE. */
export function isQuotaError(err: unknown): boolean {
  const e = err as { name?: string; message?: string; inner?: { name?: string; message?: string } } | null;
  const text = [e?.name, e?.inner?.name, e?.message, e?.inner?.message].filter(Boolean).join(' ');
  // A full disk under unlimitedStorage reaches Chromium's IndexedDB as a failed blob write:
  // "DataError: Failed to write blobs (IOError)" (e2e/faults.spec.ts fills a real disk).
  return /QuotaExceeded|quota|NO_DEVICE_SPACE|disk is full|not enough space|Failed to write blobs|IOError/i.test(text);
}

/**
 * Run a write; a full disk or a refused quota becomes one clear, typed error ('quota') that the
 * pages translate and pair with the offer to export the library.
 */
export async function quotaSafe<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isQuotaError(err)) {
      throw new SiftError('quota', 'The disk is full or the browser refused more storage. Export your library, then free some space.');
    }
    throw err;
  }
}
