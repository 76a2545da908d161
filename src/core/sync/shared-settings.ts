import { THEMES, type Settings } from '../../shared/settings.ts';
import { ENTITY_TYPES } from '../types.ts';

// Settings that make sense on every device travel in one document (settings:shared): the theme
// and which kinds of names are highlighted. Font size, line length, images and the panel are
// left to each device (a phone and a desktop want different ones). Add a key here to make it travel.

export const SHARED_KEYS = ['theme', 'entityTypes'] as const;
export type SharedSettings = Pick<Settings, (typeof SHARED_KEYS)[number]>;

export interface SharedSettingsDoc {
  _id: string;
  _rev?: string;
  type: 'settings';
  values: SharedSettings;
  /** When they were last changed (ISO 8601): the later change wins. */
  at: string;
}

export function pickShared(s: Settings): SharedSettings {
  return { theme: s.theme, entityTypes: { ...s.entityTypes } };
}

export function sameShared(a: SharedSettings, b: SharedSettings): boolean {
  return a.theme === b.theme && ENTITY_TYPES.every((t) => a.entityTypes[t] === b.entityTypes[t]);
}

/** Why a settings document from the server cannot be used, or null. */
export function sharedSettingsProblem(doc: unknown): string | null {
  if (!doc || typeof doc !== 'object') return 'not an object';
  const d = doc as Partial<SharedSettingsDoc>;
  if (d.type !== 'settings' || typeof d.at !== 'string' || Number.isNaN(Date.parse(d.at))) return 'wrong type';
  const v = d.values as Partial<SharedSettings> | undefined;
  if (!v || !THEMES.includes(v.theme as never)) return 'bad theme';
  const types = v.entityTypes as Record<string, unknown> | undefined;
  if (!types || !ENTITY_TYPES.every((t) => typeof types[t] === 'boolean')) return 'bad entity types';
  return null;
}
