import { THEMES, type Settings } from '../../shared/settings.ts';
import { HIGHLIGHT_COLORS } from '../annotations/types.ts';
import { ENTITY_TYPES } from '../types.ts';

// Settings that make sense on every device travel in one document (settings:shared): the theme,
// which kinds of names are highlighted and what each highlight colour means (its label). Font size, line length, images and the panel are
// left to each device (a phone and a desktop want different ones). Add a key here to make it travel.

export const SHARED_KEYS = ['theme', 'entityTypes', 'highlightLabels'] as const;
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
  return { theme: s.theme, entityTypes: { ...s.entityTypes }, highlightLabels: { ...s.highlightLabels } };
}

/**
 * The values of a settings document, completed from this device's: a document written before
 * colour labels travelled has none, and must not blank the labels here.
 */
export function completeShared(values: Partial<SharedSettings>, local: SharedSettings): SharedSettings {
  return { ...local, ...values, highlightLabels: values.highlightLabels ?? local.highlightLabels };
}

export function sameShared(a: SharedSettings, b: SharedSettings): boolean {
  return (
    a.theme === b.theme &&
    ENTITY_TYPES.every((t) => a.entityTypes[t] === b.entityTypes[t]) &&
    HIGHLIGHT_COLORS.every((c) => a.highlightLabels[c] === b.highlightLabels[c])
  );
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
  const labels = v.highlightLabels as Record<string, unknown> | undefined;
  // Missing: a document from before labels travelled (completeShared keeps this device's).
  if (labels !== undefined && (!labels || typeof labels !== 'object' || !HIGHLIGHT_COLORS.every((c) => typeof labels[c] === 'string' && (labels[c] as string).length <= 200))) {
    return 'bad colour labels';
  }
  return null;
}
