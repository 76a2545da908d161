import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from '../shared/settings.ts';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get(KEY);
    return validateSettings(got[KEY]);
  } catch {
    return structuredClone(DEFAULT_SETTINGS);
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = validateSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(cb: (s: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[KEY]) cb(validateSettings(changes[KEY].newValue));
  });
}
