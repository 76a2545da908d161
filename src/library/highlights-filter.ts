import { HIGHLIGHT_COLORS, type HighlightColor } from '../core/annotations/types.ts';
import { colorLabel } from '../ui/highlight-marks.ts';
import { t } from '../ui/i18n.ts';
import { el } from './dom.ts';

/** The filter bar's "Highlights" picker: any clipping, those with highlights, or one colour label. */
export class HighlightFilter {
  private readonly select = el('select');

  constructor(clear: HTMLElement, onChange: () => void) {
    this.select.dataset.testid = 'filter-highlights';
    const label = el('label', {}, el('span', { textContent: t('hlFilter') }), ' ', this.select);
    clear.before(label);
    this.relabel({ yellow: '', green: '', blue: '', pink: '', purple: '' });
    this.select.addEventListener('change', onChange);
    clear.addEventListener('click', () => (this.select.value = ''));
  }

  get value(): 'any' | HighlightColor | null {
    return (this.select.value || null) as 'any' | HighlightColor | null;
  }

  /** Colour labels from the options (they name the colour choices). */
  relabel(labels: Record<HighlightColor, string>): void {
    const keep = this.select.value;
    this.select.replaceChildren(
      el('option', { value: '', textContent: t('hlFilterAny') }),
      el('option', { value: 'any', textContent: t('hlFilterHas') }),
      ...HIGHLIGHT_COLORS.map((c) => el('option', { value: c, textContent: colorLabel(c, labels) })),
    );
    this.select.value = keep;
  }
}
