import { loadSettings, onSettingsChanged } from '../platform/settings-store.ts';
import { localize, t, uiLang } from '../ui/i18n.ts';
import { bindAppearance, fillAppearance } from './appearance.ts';
import { bindData } from './data.ts';
import { showShortcuts } from './shortcuts.ts';
import { bindHighlightOptions } from './highlights.ts';
import { bindCookieSites, bindReadingListImport, bindSaveAllTabs } from './import-reading-list.ts';
import { bindSync } from './sync.ts';

/** The UI language by its own name ("English", "中文（中国）"): Sift follows the browser's. */
function showLanguage(): void {
  const lang = uiLang();
  let name = lang;
  try {
    name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    // An unusual tag: show it as it is.
  }
  document.querySelector('[data-testid=language-hint]')!.textContent = t('optLanguageHint', name);
}

// Wiring only: each section of the page lives in its own module.
async function main(): Promise<void> {
  localize();
  showLanguage();
  let settings = await loadSettings();
  fillAppearance(settings);
  bindAppearance(() => settings);
  onSettingsChanged((s) => {
    settings = s;
    fillAppearance(s);
  });
  const data = document.querySelector<HTMLElement>('section[aria-labelledby=h-data]')!;
  bindReadingListImport(data);
  bindSaveAllTabs(data);
  void bindCookieSites(data);
  await Promise.all([bindData(), showShortcuts(), bindHighlightOptions(), bindSync(document.querySelector<HTMLElement>('[data-testid=sync-section]')!)]);
}

void main();
