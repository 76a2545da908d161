import { saveSettings } from '../platform/settings-store.ts';
import { FONT_SIZE_MAX, FONT_SIZE_MIN, stepFontSize, type Settings } from '../shared/settings.ts';
import { formatNumber, t } from '../ui/i18n.ts';
import { applyAppearance } from '../ui/theme.ts';

// The popup's "Aa" menu: font size, line length and theme, saved to settings at once so the next
// popup, the library and the options page open the same way.

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;

/** Show `s` in the menu's controls. */
export function fillDisplayMenu(s: Settings): void {
  $('[data-testid=font-size-value]').textContent = t('fontSizeValue', formatNumber(s.fontSize));
  $<HTMLButtonElement>('[data-testid=font-smaller]').disabled = s.fontSize <= FONT_SIZE_MIN;
  $<HTMLButtonElement>('[data-testid=font-larger]').disabled = s.fontSize >= FONT_SIZE_MAX;
  for (const r of Array.from(document.querySelectorAll<HTMLInputElement>('.display-panel input[type=radio]'))) {
    r.checked = (r.name === 'theme' && r.value === s.theme) || (r.name === 'width' && r.value === s.width);
  }
}

export function bindDisplayMenu(current: () => Settings, changed: (s: Settings) => void): void {
  const menu = $<HTMLDetailsElement>('[data-testid=display-menu]');
  const update = async (patch: Partial<Settings>) => {
    // Apply first, store second: the page answers the click in the same frame.
    const next = { ...current(), ...patch };
    applyAppearance(next);
    fillDisplayMenu(next);
    changed(await saveSettings(patch));
  };
  $('[data-testid=font-smaller]').addEventListener('click', () => void update({ fontSize: stepFontSize(current().fontSize, -1) }));
  $('[data-testid=font-larger]').addEventListener('click', () => void update({ fontSize: stepFontSize(current().fontSize, 1) }));
  for (const r of Array.from(menu.querySelectorAll<HTMLInputElement>('input[type=radio]'))) {
    r.addEventListener('change', () => void update({ [r.name]: r.value } as Partial<Settings>));
  }
  // A disclosure does not close on Escape or an outside click by itself.
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary')!.focus();
      e.stopPropagation();
    }
  });
  document.addEventListener('click', (e) => {
    if (menu.open && !menu.contains(e.target as Node)) menu.open = false;
  });
  fillDisplayMenu(current());
}
