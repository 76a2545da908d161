import type { ClippingCard } from '../clipping.ts';
import { ENTITY_TYPES, type EntityType } from '../types.ts';

// The people, places, organisations and topics across the whole library, each with the number
// of clippings that mention it: the way into the library that no other clipper offers.

export interface EntityEntry {
  name: string;
  type: EntityType;
  /** Clippings that mention it. */
  count: number;
}

export type EntityIndex = Record<EntityType, EntityEntry[]>;

export function buildEntityIndex(cards: readonly ClippingCard[]): EntityIndex {
  const byKey = new Map<string, EntityEntry>();
  for (const c of cards) {
    const seen = new Set<string>();
    for (const [name, type] of c.entities) {
      const key = `${type}\u0000${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const e = byKey.get(key);
      if (e) e.count++;
      else byKey.set(key, { name, type, count: 1 });
    }
  }
  const out = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [] as EntityEntry[]])) as EntityIndex;
  for (const e of byKey.values()) out[e.type].push(e);
  for (const t of ENTITY_TYPES) out[t].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return out;
}
