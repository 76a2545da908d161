import { runPipeline } from '../core/pipeline.ts';
import type { ExtractOutcome } from '../core/types.ts';
import { CONTENT_API_VERSION, type ContentApi, type ContentRequest } from './api.ts';

// Injected on demand. Installs the extractor once: a second injection finds it and does nothing.
const g = globalThis as { __siftContent?: ContentApi };

function extract(req: ContentRequest): ExtractOutcome {
  const type = document.contentType;
  if (type && !/html|xml/i.test(type)) {
    return { ok: false, error: { code: 'not-html', message: `This is not a web page (${type}).` } };
  }
  try {
    return runPipeline(document, { url: location.href, force: req.force, uiLang: req.uiLang });
  } catch (err) {
    return { ok: false, error: { code: 'failed', message: String((err as Error)?.message ?? err) } };
  }
}

if (!g.__siftContent || g.__siftContent.version !== CONTENT_API_VERSION) {
  g.__siftContent = { version: CONTENT_API_VERSION, extract };
}
