import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, FONT_SIZE_MAX, FONT_SIZE_MIN, THEMES, WIDTHS, enabledEntityTypes, stepFontSize, validateSettings } from '../../src/shared/settings.ts';

describe('settings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(validateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(validateSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs bad values field by field and keeps good ones', () => {
    const s = validateSettings({ theme: 'neon', fontSize: 400, entityTypes: { place: false, person: 'yes' }, width: 'wide' });
    expect(s.theme).toBe('system');
    expect(s.fontSize).toBe(28);
    expect(s.entityTypes).toEqual({ person: true, place: false, organization: true, topic: true });
    expect(s.width).toBe('wide');
  });

  it('lists the enabled entity types', () => {
    const s = validateSettings({ entityTypes: { place: false } });
    expect([...enabledEntityTypes(s)]).toEqual(['person', 'organization', 'topic']);
  });

  it('keeps every theme and width it offers, and a stored value survives a round trip', () => {
    for (const theme of THEMES) expect(validateSettings({ theme }).theme).toBe(theme);
    for (const width of WIDTHS) expect(validateSettings({ width }).width).toBe(width);
    const custom = { ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 21, width: 'narrow', showImages: false };
    expect(validateSettings(JSON.parse(JSON.stringify(custom)))).toEqual(custom);
  });

  it('steps the font size by one pixel within the allowed range', () => {
    expect(stepFontSize(17, 1)).toBe(18);
    expect(stepFontSize(17, -1)).toBe(16);
    expect(stepFontSize(FONT_SIZE_MAX, 1)).toBe(FONT_SIZE_MAX);
    expect(stepFontSize(FONT_SIZE_MIN, -1)).toBe(FONT_SIZE_MIN);
    expect(stepFontSize(16.6, 1)).toBe(18);
  });

  it('rounds and clamps font sizes, and ignores non-numbers', () => {
    expect(validateSettings({ fontSize: 3 }).fontSize).toBe(FONT_SIZE_MIN);
    expect(validateSettings({ fontSize: '19.4' }).fontSize).toBe(19);
    expect(validateSettings({ fontSize: 'big' }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });
});
