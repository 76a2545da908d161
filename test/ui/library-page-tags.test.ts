// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

// "Tags on the page" in the library's clipping view (src/library/page-tags-ui.ts), with the real
// English and Chinese messages having the same keys (locales.test.ts checks the rest).
vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getUILanguage: () => 'en-US', getMessage: (key: string) => ({ pageTagsHeading: 'Tags on the page', libraryPageTagsHint: 'hint' })[key] ?? '' } },
}));

const { renderPageTags } = await import('../../src/library/page-tags-ui.ts');

describe('library page tags', () => {
  it('lists the saved page tags as text under their heading, and nothing when there are none', () => {
    const host = document.createElement('section');
    renderPageTags(host, ['Eurozone', '<img src=x onerror=alert(1)>', '财政政策', 'ضرائب', 42, '  ']);
    expect(host.hidden).toBe(false);
    expect(host.querySelector('h2')?.textContent).toBe('Tags on the page');
    const items = [...host.querySelectorAll('li')].map((li) => li.textContent);
    // Only strings; markup stays text (a text node, no element made of it).
    expect(items).toEqual(['Eurozone', '<img src=x onerror=alert(1)>', '财政政策', 'ضرائب']);
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('ul')?.getAttribute('aria-labelledby')).toBe(host.querySelector('h2')?.id);

    renderPageTags(host, undefined);
    expect(host.hidden).toBe(true);
    expect(host.childNodes).toHaveLength(0);
  });
});
