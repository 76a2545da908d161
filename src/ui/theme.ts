import type { Settings } from '../shared/settings.ts';

/** Apply theme, font size and width to an extension page (CSS reads these). */
export function applyAppearance(s: Settings, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = s.theme;
  root.dataset.width = s.width;
  root.style.setProperty('--reader-font-size', `${s.fontSize}px`);
}
