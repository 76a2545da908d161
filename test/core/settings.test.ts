import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings, enabledEntityTypes } from '../../src/shared/settings.ts';

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
});
