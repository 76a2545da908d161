import browser from 'webextension-polyfill';
import { t } from '../ui/i18n.ts';

// The extension's keyboard shortcuts (manifest "commands") and where the browser lets the user
// change them. Extensions cannot set shortcuts themselves; browsers keep that page to the user.

const CHROME_SHORTCUTS = 'chrome://extensions/shortcuts';

function isFirefox(): boolean {
  return browser.runtime.getURL('').startsWith('moz-extension:');
}

/** The name of a command as the user should read it, in the UI language. */
function commandLabel(c: browser.Commands.Command): string {
  if (c.name === '_execute_action' || c.name === '_execute_browser_action') return t('cmdOpen');
  if (c.name === 'save-article') return t('cmdSave');
  return c.description || c.name || '';
}

/** Keys as the platform writes them, one <kbd> per key: Alt + Shift + S. */
function keys(shortcut: string): Node[] {
  const out: Node[] = [];
  for (const [i, key] of shortcut.split('+').entries()) {
    if (i) out.push(document.createTextNode(' + '));
    const kbd = document.createElement('kbd');
    kbd.textContent = key;
    out.push(kbd);
  }
  return out;
}

export async function showShortcuts(): Promise<void> {
  const dl = document.querySelector('[data-testid=shortcuts]')!;
  dl.replaceChildren();
  const commands = (await browser.commands?.getAll?.()) ?? [];
  for (const c of commands) {
    const dt = document.createElement('dt');
    dt.dataset.command = c.name ?? '';
    if (c.shortcut) dt.append(...keys(c.shortcut));
    else dt.append(Object.assign(document.createElement('span'), { className: 'not-set', textContent: t('shortcutNotSet') }));
    const dd = document.createElement('dd');
    dd.textContent = commandLabel(c);
    dl.append(dt, dd);
  }
  const firefox = isFirefox();
  document.querySelector('[data-testid=shortcut-settings-url]')!.textContent = firefox ? t('optShortcutsFirefox') : CHROME_SHORTCUTS;
  const open = document.querySelector<HTMLButtonElement>('[data-testid=open-shortcut-settings]')!;
  const commandsApi = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
  // Firefox 137+ opens its page itself; Chromium lets an extension open chrome://extensions/shortcuts in a tab.
  if (firefox && !commandsApi.openShortcutSettings) open.hidden = true;
  open.addEventListener('click', () => {
    if (firefox) void commandsApi.openShortcutSettings?.();
    else void browser.tabs.create({ url: CHROME_SHORTCUTS });
  });
}
