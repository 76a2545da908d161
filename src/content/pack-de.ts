// One language pack of the names script (see src/core/entities/model/registry.ts): injected
// before it, only on pages that need it (src/background/extract-tab.ts asks the names script, packsForArticle).
import pack from '../core/entities/data/model-de.json';

const g = globalThis as { __siftPacks?: Record<string, unknown> };
(g.__siftPacks ??= {}).de = pack;
