import browser from 'webextension-polyfill';
import { t } from '../ui/i18n.ts';

/** List the extension's keyboard shortcuts and where the browser lets the user change them. */
export async function showShortcuts(): Promise<void> {
  const dl = document.querySelector('[data-testid=shortcuts]')!;
  dl.replaceChildren();
  const commands = (await browser.commands?.getAll?.()) ?? [];
  for (const c of commands) {
    const dt = document.createElement('dt');
    const kbd = document.createElement('kbd');
    kbd.textContent = c.shortcut || t('shortcutNotSet');
    dt.append(kbd);
    const dd = document.createElement('dd');
    dd.textContent = c.name === '_execute_action' ? t('cmdOpen') : c.description || c.name || '';
    dl.append(dt, dd);
  }
  const isFirefox = browser.runtime.getURL('').startsWith('moz-extension:');
  document.querySelector('[data-testid=shortcut-settings-url]')!.textContent = isFirefox
    ? 'about:addons → ⚙ → Manage Extension Shortcuts'
    : 'chrome://extensions/shortcuts';
}
