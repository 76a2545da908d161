import browser from 'webextension-polyfill';
import { newClippingId } from '../../core/clipping.ts';
import { classifyUrl } from '../../core/url-policy.ts';
import type { AllTabsReport } from '../../shared/protocol.ts';
import { extractTab } from '../extract-tab.ts';
import { saveArticle } from '../save.ts';

// "Save all tabs": each web tab of the window is read where it is (the user's own session, as
// the popup reads it) and saved when it is an article. Tabs that are not articles are reported,
// not saved. Reading a tab that is not the active one needs the host permission the page asks
// for first; without it those tabs are reported with the browser's reason.

const TAB_TIMEOUT_MS = 30_000;

export async function saveAllTabs(windowId?: number): Promise<AllTabsReport> {
  const tabs = await browser.tabs.query(windowId === undefined ? { lastFocusedWindow: true } : { windowId });
  const report: AllTabsReport = { saved: 0, updated: 0, notArticles: [], failed: [] };
  const uiLang = browser.i18n.getUILanguage();
  // One tab at a time: each runs the whole pipeline in its own page, and two cores are shared.
  for (const tab of tabs) {
    const url = tab.url ?? '';
    const title = tab.title ?? url;
    if (tab.id === undefined || classifyUrl(url) !== 'ok') continue;
    const out = await extractTab(tab.id, { force: false, uiLang }, TAB_TIMEOUT_MS);
    if (!out.ok) {
      report.failed.push({ title, url, reason: out.error.message });
      continue;
    }
    if (!out.article || !out.readability.isArticle) {
      report.notArticles.push({ title, url });
      continue;
    }
    try {
      const res = await saveArticle(newClippingId(), out.article, out.entities);
      if (res.created) report.saved++;
      else report.updated++;
    } catch (err) {
      report.failed.push({ title, url, reason: String((err as Error)?.message ?? err) });
    }
  }
  return report;
}
