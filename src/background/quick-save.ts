import browser from 'webextension-polyfill';
import { newClippingId } from '../core/clipping.ts';
import { extractTab } from './extract-tab.ts';
import { saveArticle } from './save.ts';
import { showBadge } from './badge.ts';

const t = (key: string, subs?: string | string[]): string => browser.i18n.getMessage(key, subs) || key;

export interface QuickSaveResult {
  ok: boolean;
  id?: string;
  created?: boolean;
  error?: string;
}

/**
 * Clean and save a tab's article without opening anything (context menu, keyboard shortcut).
 * The badge says "saving", then "saved" or why not. Pages that do not look like articles are
 * saved anyway: the user asked for this page.
 */
export async function quickSave(tabId: number): Promise<QuickSaveResult> {
  await showBadge(tabId, 'saving', t('badgeSaving'));
  const out = await extractTab(tabId, { force: true, uiLang: browser.i18n.getUILanguage() });
  if (!out.ok || !out.article) {
    const why = out.ok ? t('errorNoContent') : out.error.message;
    await showBadge(tabId, 'error', t('badgeFailed', why));
    return { ok: false, error: why };
  }
  try {
    const article = out.pageTags?.length ? { ...out.article, pageTags: out.pageTags } : out.article;
    const res = await saveArticle(newClippingId(), article, out.entities);
    await showBadge(tabId, 'saved', t('badgeSaved', out.article.title));
    return { ok: true, ...res };
  } catch (err) {
    const why = String((err as Error)?.message ?? err);
    await showBadge(tabId, 'error', t('badgeFailed', why));
    return { ok: false, error: why };
  }
}
