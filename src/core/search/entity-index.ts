import type { ClippingCard } from '../clipping.ts';
import { ENTITY_TYPES, type EntityType } from '../types.ts';

// The people, places, organisations and topics across the whole library, each with the number
// of clippings that mention it: the way into the library that no other clipper offers.

export interface EntityEntry {
  name: string;
  type: EntityType;
  /** Clippings that mention it. */
  count: number;
  /** Its other names in those clippings (as the tagger gave them), first seen first. */
  aliases: string[];
}

const MAX_ALIASES = 12;
let collator: Intl.Collator | null = null;

export type EntityIndex = Record<EntityType, EntityEntry[]>;

export function buildEntityIndex(cards: readonly ClippingCard[]): EntityIndex {
  const byKey = new Map<string, EntityEntry>();
  for (const c of cards) {
    const seen = new Set<string>();
    for (const ent of c.entities) {
      const name = ent[0];
      const type = ent[1];
      const key = `${type}\u0000${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let e = byKey.get(key);
      if (e) e.count++;
      else byKey.set(key, (e = { name, type, count: 1, aliases: [] }));
      for (let i = 2; i < ent.length && e.aliases.length < MAX_ALIASES; i++) {
        const alias = ent[i] as string;
        if (!e.aliases.includes(alias)) e.aliases.push(alias);
      }
    }
  }
  const out = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [] as EntityEntry[]])) as EntityIndex;
  for (const e of byKey.values()) out[e.type].push(e);
  const compare = (collator ??= new Intl.Collator()).compare;
  for (const t of ENTITY_TYPES) out[t].sort((a, b) => b.count - a.count || compare(a.name, b.name));
  return out;
}
