import type { ClippingCard } from '../core/clipping.ts';
import { facet, isEmptyFilter, langOf, siteOf, type LibraryFilter } from '../core/search/filters.ts';
import type { EntityType } from '../core/types.ts';
import { formatNumber, t, uiLang } from '../ui/i18n.ts';
import { $, el } from './dom.ts';
import { HighlightFilter } from './highlights-filter.ts';

const MAX_SITES = 300;

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([uiLang()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The filter bar: entity type, site, language, saved dates and the entity picked in the index. */
export class FilterBar {
  private entity: LibraryFilter['entity'] = null;
  private tag: string | null = null;
  private readonly type = $<HTMLSelectElement>('[data-testid=filter-type]');
  private readonly site = $<HTMLSelectElement>('[data-testid=filter-site]');
  private readonly lang = $<HTMLSelectElement>('[data-testid=filter-lang]');
  private readonly from = $<HTMLInputElement>('[data-testid=filter-from]');
  private readonly to = $<HTMLInputElement>('[data-testid=filter-to]');
  private readonly chips = $('[data-testid=filter-chips]');
  private readonly clear = $<HTMLButtonElement>('[data-testid=filter-clear]');
  readonly highlights = new HighlightFilter(this.clear, () => this.changed());

  constructor(private readonly onChange: () => void) {
    for (const input of [this.type, this.site, this.lang, this.from, this.to]) input.addEventListener('change', () => this.changed());
    this.clear.addEventListener('click', () => {
      this.type.value = this.site.value = this.lang.value = this.from.value = this.to.value = '';
      this.entity = null;
      this.tag = null;
      this.changed();
    });
  }

  get value(): LibraryFilter {
    return {
      entity: this.entity,
      entityType: (this.type.value || null) as EntityType | null,
      site: this.site.value || null,
      lang: this.lang.value || null,
      from: this.from.value || null,
      to: this.to.value || null,
      tag: this.tag,
      highlights: this.highlights.value,
    };
  }

  setEntity(e: LibraryFilter['entity']): void {
    this.entity = e;
    this.changed();
  }

  setTag(tag: string | null): void {
    this.tag = tag;
    this.changed();
  }

  /** Offer the sites and languages the library holds, most common first. */
  setFacets(cards: readonly ClippingCard[]): void {
    const fill = (select: HTMLSelectElement, values: { value: string; count: number }[], label: (v: string) => string) => {
      const keep = select.value;
      const any = select.options[0]!;
      select.replaceChildren(any, ...values.map((f) => el('option', { value: f.value, textContent: `${label(f.value)} (${formatNumber(f.count)})` })));
      if (keep && values.some((f) => f.value === keep)) select.value = keep;
    };
    fill(this.site, facet(cards, siteOf).slice(0, MAX_SITES), (v) => v);
    fill(this.lang, facet(cards, langOf), languageName);
  }

  private changed(): void {
    const chips: HTMLElement[] = [];
    const chip = (label: string, remove: () => void, testid: string) => {
      const x = el('button', { type: 'button', textContent: '×' });
      x.setAttribute('aria-label', t('filterRemove', label));
      x.addEventListener('click', remove);
      const c = el('span', { className: 'chip' }, label, x);
      c.dataset.testid = testid;
      chips.push(c);
    };
    if (this.entity) chip(this.entity.name, () => this.setEntity(null), 'filter-entity');
    if (this.tag) chip(`#${this.tag}`, () => this.setTag(null), 'filter-tag');
    this.chips.replaceChildren(...chips);
    this.clear.hidden = isEmptyFilter(this.value);
    this.onChange();
  }
}
