import { ENTITY_TYPES, type Entity, type EntityType } from '../core/types.ts';
import { formatNumber, t } from './i18n.ts';

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'entityPeople',
  place: 'entityPlaces',
  organization: 'entityOrganizations',
  topic: 'entityTopics',
};

/** Marks of one entity in the article. CSS.escape keeps any name a valid selector. */
function marksOf(article: ParentNode, e: Entity): HTMLElement[] {
  return Array.from(article.querySelectorAll<HTMLElement>(`mark[data-entity-type="${e.type}"][data-entity="${CSS.escape(e.name)}"]`));
}

/**
 * The entity list beside the article: grouped by type, most mentioned first. Choosing one scrolls
 * to its first mention and marks all of its mentions.
 */
export function renderEntityPanel(host: HTMLElement, article: ParentNode, entities: Entity[], enabled: ReadonlySet<EntityType>): void {
  host.replaceChildren();
  const shown = entities.filter((e) => enabled.has(e.type));
  if (shown.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = t('entitiesNone');
    host.append(p);
    return;
  }
  for (const type of ENTITY_TYPES) {
    const group = shown.filter((e) => e.type === type).sort((a, b) => b.count - a.count);
    if (group.length === 0) continue;
    const section = document.createElement('section');
    section.className = `entity-group type-${type}`;
    const h = document.createElement('h2');
    h.textContent = t(TYPE_LABEL[type]);
    const ul = document.createElement('ul');
    for (const e of group) {
      const li = document.createElement('li');
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
        const marks = marksOf(article, e);
        for (const m of marks) m.classList.add('active');
        marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      });
      li.append(btn);
      ul.append(li);
    }
    section.append(h, ul);
    host.append(section);
  }
}
