import { ENTITY_TYPES, type EntityType } from '../core/types.ts';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../core/annotations/types.ts';

// The one source of truth for settings: defaults, type, schema version, migrations, repair.

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];
export const WIDTHS = ['narrow', 'medium', 'wide'] as const;
export type Width = (typeof WIDTHS)[number];
export const FONT_SIZE_MIN = 12;
export const FONT_SIZE_MAX = 28;
/** One press of A- / A+ in the popup. */
export const FONT_SIZE_STEP = 1;

export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS = {
  version: SETTINGS_VERSION,
  /** Which entity types are highlighted and listed. */
  entityTypes: { person: true, place: true, organization: true, topic: true } as Record<EntityType, boolean>,
  theme: 'system' as Theme,
  /** Reader body size in CSS pixels. */
  fontSize: 17,
  width: 'medium' as Width,
  /** Show images of the article (they load from the article's servers). */
  showImages: true,
  /** Show the entity panel beside the article in the popup. */
  showEntityPanel: true,
  /** The user's meaning for each highlight colour ("important", "question"); empty: none. */
  highlightLabels: { yellow: '', green: '', blue: '', pink: '', purple: '' } as Record<HighlightColor, string>,
  /** Highlights in Markdown exports: ==marked== in the text, or quotes with their notes. */
  markdownHighlights: 'mark' as MarkdownHighlights,
};

export const MARKDOWN_HIGHLIGHTS = ['mark', 'quote'] as const;
export type MarkdownHighlights = (typeof MARKDOWN_HIGHLIGHTS)[number];

export type Settings = typeof DEFAULT_SETTINGS;

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
/** MIGRATIONS[n] upgrades a stored object of version n to n + 1. */
const MIGRATIONS: Record<number, Migration> = {};

function pick<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(v as T) ? (v as T) : fallback;
}

/** Upgrade and repair whatever is stored (or imported) into valid settings. Never throws. */
export function validateSettings(raw: unknown): Settings {
  let obj: Record<string, unknown> = raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {};
  let version = typeof obj.version === 'number' ? obj.version : SETTINGS_VERSION;
  while (version < SETTINGS_VERSION && MIGRATIONS[version]) {
    obj = MIGRATIONS[version]!(obj);
    version++;
  }
  const d = DEFAULT_SETTINGS;
  const types = (obj.entityTypes && typeof obj.entityTypes === 'object' ? obj.entityTypes : {}) as Record<string, unknown>;
  const size = Number(obj.fontSize);
  return {
    version: SETTINGS_VERSION,
    entityTypes: Object.fromEntries(
      ENTITY_TYPES.map((t) => [t, typeof types[t] === 'boolean' ? types[t] : d.entityTypes[t]]),
    ) as Record<EntityType, boolean>,
    theme: pick(obj.theme, THEMES, d.theme),
    fontSize: Number.isFinite(size) ? Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(size))) : d.fontSize,
    width: pick(obj.width, WIDTHS, d.width),
    showImages: typeof obj.showImages === 'boolean' ? obj.showImages : d.showImages,
    showEntityPanel: typeof obj.showEntityPanel === 'boolean' ? obj.showEntityPanel : d.showEntityPanel,
    highlightLabels: highlightLabels(obj.highlightLabels),
    markdownHighlights: pick(obj.markdownHighlights, MARKDOWN_HIGHLIGHTS, d.markdownHighlights),
  };
}

function highlightLabels(v: unknown): Record<HighlightColor, string> {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  return Object.fromEntries(
    HIGHLIGHT_COLORS.map((c) => [c, typeof o[c] === 'string' ? (o[c] as string).replace(/\s+/g, ' ').trim().slice(0, 40) : '']),
  ) as Record<HighlightColor, string>;
}

export function enabledEntityTypes(s: Settings): Set<EntityType> {
  return new Set(ENTITY_TYPES.filter((t) => s.entityTypes[t]));
}

/** The font size one step smaller (delta -1) or larger (+1), kept within the allowed range. */
export function stepFontSize(size: number, delta: -1 | 1): number {
  return Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(size) + delta * FONT_SIZE_STEP));
}
