import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.ts';
import { forgetTab, keepArticle, startReading, takeArticle, trackedTabs } from '../../src/background/last-read.ts';

// The article kept for page.entities (src/background/last-read.ts): per tab, for the tab's latest
// reading only, taken once.
const article = (url: string) => ({ url }) as Article;

describe('the article kept for its names', () => {
  it('is taken once, by its own tab', () => {
    const a = startReading(1);
    const b = startReading(2);
    keepArticle(1, a, article('https://a.test/'));
    keepArticle(2, b, article('https://b.test/'));
    expect(takeArticle(2)?.url).toBe('https://b.test/');
    expect(takeArticle(1)?.url).toBe('https://a.test/');
    expect(takeArticle(1)).toBeNull();
    expect(takeArticle(3)).toBeNull();
  });

  it('of an earlier reading is never kept for a newer one', () => {
    const old = startReading(1);
    const now = startReading(1);
    // The earlier reading ends last: its article is not the tab's.
    keepArticle(1, now, article('https://a.test/new'));
    keepArticle(1, old, article('https://a.test/old'));
    expect(takeArticle(1)?.url).toBe('https://a.test/new');
    // A new (forced) reading drops what the one before kept.
    const first = startReading(1);
    keepArticle(1, first, article('https://a.test/first'));
    startReading(1);
    expect(takeArticle(1)).toBeNull();
  });

  it('is dropped when nobody came for it in time', () => {
    keepArticle(1, startReading(1), article('https://a.test/'), 0);
    expect(takeArticle(1, 120_000)).toBeNull();
  });

  it('goes with its closed tab, and a reading that ends after the close keeps nothing', () => {
    const before = trackedTabs();
    const done = startReading(41);
    keepArticle(41, done, article('https://a.test/'));
    const late = startReading(42);
    expect(trackedTabs()).toBe(before + 2);
    forgetTab(41);
    forgetTab(42);
    expect(trackedTabs()).toBe(before);
    keepArticle(42, late, article('https://b.test/'));
    expect(takeArticle(42)).toBeNull();
    expect(trackedTabs()).toBe(before);
  });
});
