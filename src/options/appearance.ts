import { ENTITY_TYPES } from '../core/types.ts';
import { saveSettings } from '../platform/settings-store.ts';
import type { Settings } from '../shared/settings.ts';
import { formatNumber, t, uiLang } from '../ui/i18n.ts';
import { applyAppearance } from '../ui/theme.ts';

// The reading and highlighting settings: controls <-> stored settings.

function input(name: string): HTMLInputElement {
  return document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
}

export function fillAppearance(s: Settings): void {
  for (const type of ENTITY_TYPES) input(`entity-${type}`).checked = s.entityTypes[type];
  input('showEntityPanel').checked = s.showEntityPanel;
  input('showImages').checked = s.showImages;
  for (const r of Array.from(document.querySelectorAll<HTMLInputElement>('[name=theme]'))) r.checked = r.value === s.theme;
  input('fontSize').value = String(s.fontSize);
  document.querySelector('output[name=fontSizeOut]')!.textContent = t('fontSizeValue', formatNumber(s.fontSize));
  document.querySelector<HTMLSelectElement>('[name=width]')!.value = s.width;
  applyAppearance(s);
  // The preview is in the UI language: CJK text gets the CJK measure and faces.
  const preview = document.querySelector<HTMLElement>('[data-testid=preview]')!;
  preview.lang = uiLang();
  preview.dataset.script = /^(zh|ja|ko)\b/i.test(uiLang()) ? 'cjk' : 'other';
}

export function bindAppearance(current: () => Settings): void {
  const update = async (patch: Partial<Settings>) => fillAppearance(await saveSettings(patch));
  for (const type of ENTITY_TYPES) {
    input(`entity-${type}`).addEventListener('change', (e) => {
      void update({ entityTypes: { ...current().entityTypes, [type]: (e.target as HTMLInputElement).checked } });
    });
  }
  input('showEntityPanel').addEventListener('change', (e) => void update({ showEntityPanel: (e.target as HTMLInputElement).checked }));
  input('showImages').addEventListener('change', (e) => void update({ showImages: (e.target as HTMLInputElement).checked }));
  for (const r of Array.from(document.querySelectorAll<HTMLInputElement>('[name=theme]'))) {
    r.addEventListener('change', () => void update({ theme: r.value as Settings['theme'] }));
  }
  input('fontSize').addEventListener('input', (e) => void update({ fontSize: Number((e.target as HTMLInputElement).value) }));
  document.querySelector<HTMLSelectElement>('[name=width]')!.addEventListener('change', (e) => {
    void update({ width: (e.target as HTMLSelectElement).value as Settings['width'] });
  });
}
