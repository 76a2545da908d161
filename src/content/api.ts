import type { ExtractOutcome } from '../core/types.ts';

export interface ContentRequest {
  force?: boolean;
  uiLang?: string;
}

/** What src/content/index.ts installs in the page's isolated world. */
export interface ContentApi {
  version: number;
  extract(req: ContentRequest): ExtractOutcome;
}

export const CONTENT_API_VERSION = 1;

/**
 * Runs in the page (serialised by scripting.executeScript, so it must not close over anything).
 * Each script file is built alone as an IIFE whose completion value is not returned, so the
 * result comes back through this second call.
 */
export function runInPage(req: ContentRequest): ExtractOutcome {
  const api = (globalThis as { __siftContent?: ContentApi }).__siftContent;
  if (!api) return { ok: false, error: { code: 'failed', message: 'Sift could not start on this page.' } };
  return api.extract(req);
}
