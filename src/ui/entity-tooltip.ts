import type { Entity, EntityType } from '../core/types.ts';
import { formatNumber, pluralCategory, t } from './i18n.ts';

// What a highlight is, for everyone: a card on hover or keyboard focus (sighted users), and an
// accessible description on every mark (screen readers), both saying the entity's type and how
// often the article mentions it. A title attribute alone would reach neither keyboard nor touch.

const TYPE_KEY: Record<EntityType, string> = {
  person: 'entityTypePerson',
  place: 'entityTypePlace',
  organization: 'entityTypeOrganization',
  topic: 'entityTypeTopic',
};

export function entityTypeLabel(type: EntityType): string {
  return t(TYPE_KEY[type]);
}

/** "1 mention" / "6 mentions", with the UI language's plural rules and digits. */
export function mentionsLabel(count: number): string {
  const one = pluralCategory(count) === 'one';
  return t(one ? 'entityMentionsOne' : 'entityMentionsOther', formatNumber(count));
}

let nextId = 0;

/**
 * Give every mark an accessible description ("Place, 6 mentions") held in `descriptions`
 * (hidden nodes may still be referenced by aria-describedby), and make the first mark of each
 * entity a tab stop, so the keyboard reaches every highlighted entity once, in reading order.
 */
export function annotateMarks(body: ParentNode, descriptions: HTMLElement, entities: Entity[]): void {
  const byKey = new Map<string, Entity>(entities.map((e) => [`${e.type}\u0000${e.name}`, e]));
  const ids = new Map<string, string>();
  descriptions.replaceChildren();
  for (const mark of Array.from(body.querySelectorAll<HTMLElement>('mark[data-entity-type][data-entity]'))) {
    const key = `${mark.dataset.entityType}\u0000${mark.dataset.entity}`;
    let id = ids.get(key);
    if (!id) {
      const e = byKey.get(key);
      if (!e) continue;
      id = `sift-entity-${++nextId}`;
      ids.set(key, id);
      const desc = document.createElement('span');
      desc.id = id;
      desc.dataset.type = e.type;
      desc.dataset.mentions = mentionsLabel(e.count);
      desc.textContent = `${entityTypeLabel(e.type)}, ${desc.dataset.mentions}`;
      descriptions.append(desc);
      mark.tabIndex = 0;
    }
    mark.setAttribute('aria-describedby', id);
  }
}

let tip: HTMLElement | null = null;
let shownFor: HTMLElement | null = null;

function tipElement(): HTMLElement {
  if (tip?.isConnected) return tip;
  tip = document.createElement('div');
  tip.className = 'entity-tip';
  tip.setAttribute('role', 'tooltip');
  tip.dataset.testid = 'entity-tip';
  tip.hidden = true;
  document.body.append(tip);
  return tip;
}

function show(mark: HTMLElement): void {
  const desc = document.getElementById(mark.getAttribute('aria-describedby') ?? '');
  if (!desc) return;
  const type = desc.dataset.type as EntityType;
  const el = tipElement();
  const name = document.createElement('span');
  name.className = 'tip-name';
  name.textContent = mark.dataset.entity ?? '';
  const kind = document.createElement('span');
  kind.className = `tip-type type-${type}`;
  kind.textContent = `${entityTypeLabel(type)} · ${desc.dataset.mentions ?? ''}`;
  el.replaceChildren(name, kind);
  el.hidden = false;
  shownFor = mark;
  // Below the mark, or above it near the bottom edge; kept inside the window.
  const r = mark.getBoundingClientRect();
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  const left = Math.max(4, Math.min(r.left, window.innerWidth - w - 4));
  const top = r.bottom + 6 + h > window.innerHeight ? r.top - h - 6 : r.bottom + 6;
  el.style.left = `${left}px`;
  el.style.top = `${Math.max(4, top)}px`;
}

function hide(): void {
  if (tip) tip.hidden = true;
  shownFor = null;
}

const attached = new WeakSet<HTMLElement>();

/** Show the card for marks inside `host` on hover and focus; Escape, blur or scrolling hides it. */
export function attachEntityTooltip(host: HTMLElement): void {
  if (attached.has(host)) return;
  attached.add(host);
  const markOf = (e: Event) => (e.target as Element | null)?.closest?.<HTMLElement>('mark[data-entity-type][aria-describedby]') ?? null;
  host.addEventListener('mouseover', (e) => {
    const m = markOf(e);
    if (m && m !== shownFor) show(m);
  });
  host.addEventListener('mouseout', (e) => {
    if (markOf(e) && !markOf({ target: (e as MouseEvent).relatedTarget } as Event)) hide();
  });
  host.addEventListener('focusin', (e) => {
    const m = markOf(e);
    if (m) show(m);
    else hide();
  });
  host.addEventListener('focusout', () => hide());
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && shownFor) {
      hide();
      e.stopPropagation();
    }
  });
  document.addEventListener('scroll', () => hide(), { capture: true, passive: true });
}
