import { randomUUID } from 'node:crypto';
import type { PageServer } from './server.ts';
import type { Sift } from './sift.ts';
import type { SaveRequest } from './worker-kill.ts';
import { tabIdByUrl } from './tabs.ts';

// Real articles for library tests, extracted by the extension itself: a toolbar click on a page
// of e2e/pages (which grants activeTab, as for a user), then 'page.extract' from the popup.

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: Extracted & { ok: boolean }; error?: unknown }> };
};

export interface Extracted {
  article: SaveRequest['article'];
  entities: unknown[];
}

export async function extractInBrowser(sift: Sift, server: PageServer, path: string): Promise<Extracted> {
  const page = await sift.openPage(server.url(path));
  const { popup, close } = await sift.clickToolbar(page);
  try {
    await popup.waitForSelector('[data-testid=status][data-state=ready]');
    const tabId = await tabIdByUrl(popup, server.url(path));
    const reply = await popup.evaluate((id) => chrome.runtime.sendMessage({ sift: 1, name: 'page.extract', req: { tabId: id, force: true } }), tabId);
    if (!reply.ok || !reply.value?.ok || !reply.value.article) throw new Error(`${path}: no article (${JSON.stringify(reply.error)})`);
    return { article: reply.value.article, entities: reply.value.entities };
  } finally {
    await popup.close();
    await close();
    await page.close();
  }
}

/**
 * `n` save requests made from real extracted pages, each a different page (its own URL and
 * canonical URL, the title numbered), each with its own caller-made id.
 */
export function saveRequests(pages: Extracted[], n: number, origin = 'http://127.0.0.1:9'): SaveRequest[] {
  return Array.from({ length: n }, (_, i) => {
    const p = pages[i % pages.length]!;
    const url = `${origin}/clip/${i}`;
    return {
      id: randomUUID(),
      article: { ...p.article, url, canonicalUrl: url, title: `${p.article.title} #${i + 1}` },
      entities: p.entities,
    };
  });
}
