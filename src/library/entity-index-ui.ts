import type { EntityEntry, EntityIndex } from '../core/search/entity-index.ts';
import { ENTITY_TYPES, type EntityType } from '../core/types.ts';
import { formatNumber, t, uiLang } from '../ui/i18n.ts';
import { $, el } from './dom.ts';

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'entityPeople',
  place: 'entityPlaces',
  organization: 'entityOrganizations',
  topic: 'entityTopics',
};
const FIRST = 30;

let listFormat: Intl.ListFormat | null = null;
function listOf(items: string[]): string {
  listFormat ??= new Intl.ListFormat(uiLang(), { type: 'conjunction' });
  return listFormat.format(items);
}
const MORE = 200;

/**
 * The entity index: people, places, organisations and topics of the clippings shown, each with
 * the number of clippings that mention it. Choosing one filters the list to those clippings.
 */
export class EntityIndexPane {
  private readonly host = $('[data-testid=entity-index] .entity-groups');
  private limits: Record<EntityType, number> = { person: FIRST, place: FIRST, organization: FIRST, topic: FIRST };
  private index: EntityIndex | null = null;
  private active: { name: string; type: EntityType } | null = null;

  constructor(private readonly onPick: (e: EntityEntry | null) => void) {}

  render(index: EntityIndex, active: { name: string; type: EntityType } | null, force = false): void {
    // The same counts and choice as on screen (e.g. the whole library again): nothing to do.
    if (!force && index === this.index && active?.name === this.active?.name && active?.type === this.active?.type) return;
    this.index = index;
    this.active = active;
    const sections: HTMLElement[] = [];
    for (const type of ENTITY_TYPES) {
      const all = index[type];
      if (all.length === 0) continue;
      const shown = all.slice(0, this.limits[type]);
      const ul = el('ul');
      for (const e of shown) {
        const b = el('button', { type: 'button', className: 'entity-link' }, el('span', { className: 'name', textContent: e.name }), el('span', { className: 'n', textContent: formatNumber(e.count) }));
        b.dataset.testid = 'entity-link';
        b.dataset.entity = e.name;
        b.dataset.entityType = e.type;
        // Its other names: in the tooltip for the reader, in data-aliases (a JSON array) for tests.
        b.title = e.aliases.length
          ? t('entityLinkTitleAliases', [e.name, listOf(e.aliases), formatNumber(e.count)])
          : t('entityLinkTitle', [e.name, formatNumber(e.count)]);
        b.dataset.aliases = JSON.stringify(e.aliases);
        const on = !!active && active.name === e.name && active.type === e.type;
        b.setAttribute('aria-pressed', String(on));
        b.addEventListener('click', () => this.onPick(on ? null : e));
        ul.append(el('li', {}, b));
      }
      const section = el('section', { className: `entity-group type-${type}` }, el('h3', { textContent: `${t(TYPE_LABEL[type])} (${formatNumber(all.length)})` }), ul);
      section.dataset.type = type;
      if (all.length > shown.length) {
        const more = el('button', { type: 'button', className: 'link entity-more', textContent: t('showMore', formatNumber(all.length - shown.length)) });
        more.addEventListener('click', () => {
          this.limits[type] += MORE;
          if (this.index) this.render(this.index, this.active, true);
        });
        section.append(more);
      }
      sections.push(section);
    }
    if (sections.length === 0) sections.push(el('p', { className: 'empty', textContent: t('entitiesNone') }));
    this.host.replaceChildren(...sections);
  }
}
