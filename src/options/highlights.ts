import { HIGHLIGHT_COLORS, type HighlightColor } from '../core/annotations/types.ts';
import { loadSettings, onSettingsChanged, saveSettings } from '../platform/settings-store.ts';
import type { MarkdownHighlights, Settings } from '../shared/settings.ts';
import { colorName } from '../ui/highlight-marks.ts';
import { t } from '../ui/i18n.ts';

// The options' Highlights section: a label for each colour (its meaning), and how Markdown
// exports show highlights. Built here, after the Reading section, so the page's HTML stays
// other sections' own.

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

export async function bindHighlightOptions(): Promise<void> {
  const section = el('section', { className: 'highlight-options' });
  section.setAttribute('aria-labelledby', 'h-highlights');
  section.dataset.testid = 'highlight-options';
  const status = el('span', { className: 'hl-options-status' });
  status.setAttribute('role', 'status');
  const inputs = new Map<HighlightColor, HTMLInputElement>();
  const labels = el('div', { className: 'hl-label-rows' });
  for (const c of HIGHLIGHT_COLORS) {
    const input = el('input', { type: 'text', maxLength: 40, placeholder: t('hlOptionsLabelPlaceholder'), autocomplete: 'off' });
    input.dataset.testid = `hl-label-${c}`;
    input.setAttribute('aria-label', t('hlOptionsLabelFor', colorName(c)));
    inputs.set(c, input);
    const dot = el('span', { className: 'hl-swatch' });
    dot.dataset.color = c;
    dot.setAttribute('aria-hidden', 'true');
    labels.append(el('label', { className: 'row hl-label-row' }, dot, el('span', { textContent: colorName(c) }), input));
  }
  const radios = (['mark', 'quote'] as const).map((v) => {
    const r = el('input', { type: 'radio', name: 'markdownHighlights', value: v });
    r.dataset.testid = `md-highlights-${v}`;
    return el('label', {}, r, ' ', el('span', { textContent: t(v === 'mark' ? 'hlOptionsMarkdownMark' : 'hlOptionsMarkdownQuote') }));
  });
  const style = el('fieldset', { className: 'row' }, el('legend', { textContent: t('hlOptionsMarkdown') }), ...radios);
  section.append(
    el('h2', { id: 'h-highlights', textContent: t('hlOptionsHeading') }),
    el('p', { className: 'hint', textContent: t('hlOptionsLabelsHint') }),
    labels, style, status,
  );
  const after = document.querySelector('section[aria-labelledby=h-reading]');
  if (after) after.after(section);
  else document.querySelector('main')?.append(section);

  const fill = (s: Settings) => {
    for (const [c, input] of inputs) if (document.activeElement !== input) input.value = s.highlightLabels[c];
    for (const r of Array.from(section.querySelectorAll<HTMLInputElement>('[name=markdownHighlights]'))) r.checked = r.value === s.markdownHighlights;
  };
  const save = async (patch: Partial<Settings>) => {
    fill(await saveSettings(patch));
    status.textContent = t('hlOptionsSaved');
  };
  for (const [c, input] of inputs) {
    input.addEventListener('change', async () => {
      const current = (await loadSettings()).highlightLabels;
      await save({ highlightLabels: { ...current, [c]: input.value } });
    });
  }
  for (const r of Array.from(section.querySelectorAll<HTMLInputElement>('[name=markdownHighlights]'))) {
    r.addEventListener('change', () => void save({ markdownHighlights: r.value as MarkdownHighlights }));
  }
  fill(await loadSettings());
  onSettingsChanged(fill);
}
