import { ENTITY_TYPES, type Entity, type EntityType } from '../core/types.ts';
import { formatNumber, t } from './i18n.ts';

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'entityPeople',
  place: 'entityPlaces',
  organization: 'entityOrganizations',
  topic: 'entityTopics',
};

export interface EntityPanelOptions {
  /**
   * Called with the new set of shown types when the reader flips a type's toggle. The caller
   * re-renders the article's highlights (and this panel) for that set. Without it, no toggles.
   */
  onToggle?(enabled: Set<EntityType>): void;
  /**
   * The page's own tags that are not names in the article: listed apart under "Tags on the page",
   * as plain text (no count, no highlight, nothing to jump to).
   */
  pageTags?: readonly string[];
}

/** "Tags on the page": what the page files itself under, apart from the names it mentions. */
function pageTagsSection(tags: readonly string[]): HTMLElement {
  const section = document.createElement('section');
  section.className = 'page-tags';
  section.dataset.testid = 'page-tags';
  section.append(...pageTagList('page-tags-heading', tags));
  return section;
}

/** "Tags on the page": a heading and the tags as text nodes (popup panel and library pane). */
export function pageTagList(headingId: string, tags: readonly string[]): [HTMLHeadingElement, HTMLUListElement] {
  const h = document.createElement('h2');
  h.id = headingId;
  h.textContent = t('pageTagsHeading');
  const ul = document.createElement('ul');
  ul.setAttribute('aria-labelledby', h.id);
  for (const tag of tags) {
    const li = document.createElement('li');
    li.className = 'page-tag';
    li.textContent = tag;
    ul.append(li);
  }
  return [h, ul];
}

/** Marks of one entity in the article. CSS.escape keeps any name a valid selector. */
function marksOf(article: ParentNode, e: Entity): HTMLElement[] {
  return Array.from(article.querySelectorAll<HTMLElement>(`mark[data-entity-type="${e.type}"][data-entity="${CSS.escape(e.name)}"]`));
}

function typeToggles(entities: Entity[], enabled: ReadonlySet<EntityType>, onToggle: (enabled: Set<EntityType>) => void): HTMLElement {
  const bar = document.createElement('fieldset');
  bar.className = 'entity-toggles';
  bar.dataset.testid = 'entity-toggles';
  // Layout only (the panel's look lives in reader.css): a wrapping row of checkboxes, no frame.
  Object.assign(bar.style, { border: '0', margin: '8px 0 0', padding: '0', display: 'flex', flexWrap: 'wrap', gap: '2px 10px', fontSize: '12px' });
  const legend = document.createElement('legend');
  legend.className = 'visually-hidden';
  legend.textContent = t('entityToggles');
  bar.append(legend);
  for (const type of ENTITY_TYPES) {
    const n = entities.filter((e) => e.type === type).length;
    if (n === 0) continue;
    const label = document.createElement('label');
    label.className = `entity-toggle type-${type}`;
    Object.assign(label.style, { display: 'inline-flex', alignItems: 'center', gap: '4px', whiteSpace: 'nowrap' });
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = enabled.has(type);
    box.dataset.testid = `entity-toggle-${type}`;
    box.addEventListener('change', () => {
      const next = new Set(enabled);
      if (box.checked) next.add(type);
      else next.delete(type);
      onToggle(next);
    });
    const text = document.createElement('span');
    text.textContent = `${t(TYPE_LABEL[type])} ${formatNumber(n)}`;
    label.append(box, text);
    bar.append(label);
  }
  return bar;
}

function entityButton(article: ParentNode, e: Entity): HTMLButtonElement {
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'entity';
  btn.dataset.entityType = e.type;
  btn.dataset.entity = e.name;
  btn.title = [e.name, ...e.aliases].join(' · ');
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = e.name;
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent = formatNumber(e.count);
  btn.append(name, count);
  btn.addEventListener('click', () => {
    for (const m of Array.from(article.querySelectorAll('mark.active'))) m.classList.remove('active');
    for (const b of Array.from(btn.closest('[data-testid=entities]')?.querySelectorAll('.entity[aria-pressed=true]') ?? [])) b.setAttribute('aria-pressed', 'false');
    const marks = marksOf(article, e);
    for (const m of marks) m.classList.add('active');
    btn.setAttribute('aria-pressed', 'true');
    marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
  return btn;
}

/**
 * The entity list beside the article: a toggle per type found, then the shown types grouped,
 * most mentioned first. Choosing an entity scrolls to its first mention and marks all of them.
 */
export function renderEntityPanel(host: HTMLElement, article: ParentNode, entities: Entity[], enabled: ReadonlySet<EntityType>, opts: EntityPanelOptions = {}): void {
  host.replaceChildren();
  if (opts.onToggle && entities.length > 0) host.append(typeToggles(entities, enabled, opts.onToggle));
  const shown = entities.filter((e) => enabled.has(e.type));
  const tags = opts.pageTags ?? [];
  if (shown.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = t('entitiesNone');
    host.append(p);
    if (tags.length) host.append(pageTagsSection(tags));
    return;
  }
  for (const type of ENTITY_TYPES) {
    const group = shown.filter((e) => e.type === type).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    if (group.length === 0) continue;
    const section = document.createElement('section');
    section.className = `entity-group type-${type}`;
    section.dataset.entityType = type;
    const h = document.createElement('h2');
    h.textContent = t(TYPE_LABEL[type]);
    const ul = document.createElement('ul');
    for (const e of group) {
      const li = document.createElement('li');
      li.append(entityButton(article, e));
      ul.append(li);
    }
    section.append(h, ul);
    host.append(section);
  }
  if (tags.length) host.append(pageTagsSection(tags));
}
