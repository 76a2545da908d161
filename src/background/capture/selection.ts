import browser from 'webextension-polyfill';
import { makeClipping, newClippingId } from '../../core/clipping.ts';
import { readSelectionInPage, selectionArticle, type PageSelection } from './selection-article.ts';
import { quotaSafe } from '../../platform/store/quota.ts';
import { getStore, notifyChanged } from '../store.ts';

// "Save selection": the selected part of the page (its HTML, with the page's metadata), stored
// as a clipping of kind 'selection'. The HTML is the page's own and untrusted, like any article:
// it is stored as it is and sanitised whenever it is shown (ui/sanitize.ts).

export async function saveSelection(tabId: number): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
  let sel: PageSelection | null = null;
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: readSelectionInPage });
    sel = (frame?.result as PageSelection | null | undefined) ?? null;
  } catch (err) {
    return { ok: false, error: String((err as Error)?.message ?? err) };
  }
  if (!sel || !sel.text.trim()) return { ok: false, error: 'Nothing is selected.' };
  const clipping = makeClipping(newClippingId(), selectionArticle(sel), []);
  clipping.kind = 'selection';
  await quotaSafe(() => getStore().save(clipping));
  notifyChanged();
  return { ok: true, id: clipping.id };
}
