import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.ts';
import type { EntitiesOutcome } from '../../src/content/api.ts';
import { claimNamesAhead, dropNamesAhead, startNamesAhead } from '../../src/background/names-ahead.ts';

// The names found right after the article (src/background/names-ahead.ts): per tab, for the tab's
// latest reading only, taken once.
const article = (url: string) => ({ url }) as Article;
const namesOf = (label: string) => async (): Promise<EntitiesOutcome> => ({ ok: true, entities: [{ name: label, type: 'person', aliases: [], count: 1, sources: [] }], ms: 1 });
const first = async (p: Promise<EntitiesOutcome> | null) => {
  const out = await p;
  return out?.ok ? out.entities[0]!.name : null;
};

describe('names found ahead', () => {
  it('are taken once, by their own tab', async () => {
    const a = dropNamesAhead(1);
    const b = dropNamesAhead(2);
    startNamesAhead(1, a, article('https://a.test/'), namesOf('A'));
    startNamesAhead(2, b, article('https://b.test/'), namesOf('B'));
    expect(await first(claimNamesAhead(2))).toBe('B');
    expect(await first(claimNamesAhead(1))).toBe('A');
    expect(claimNamesAhead(1)).toBeNull();
    expect(claimNamesAhead(3)).toBeNull();
  });

  it('of an earlier reading are never handed to a newer one', async () => {
    const old = dropNamesAhead(1);
    const now = dropNamesAhead(1);
    // The earlier reading's names start late (after the newer reading began): not kept.
    startNamesAhead(1, old, article('https://a.test/old'), namesOf('old'));
    startNamesAhead(1, now, article('https://a.test/new'), namesOf('new'));
    expect(await first(claimNamesAhead(1))).toBe('new');
    // A forced reading drops what the first one found.
    const r = dropNamesAhead(1);
    startNamesAhead(1, r, article('https://a.test/'), namesOf('first'));
    dropNamesAhead(1);
    expect(claimNamesAhead(1)).toBeNull();
    // The popup asked before the names were started: they are not started for nobody.
    const late = dropNamesAhead(1);
    expect(claimNamesAhead(1)).toBeNull();
    startNamesAhead(1, late, article('https://a.test/'), namesOf('late'));
    expect(claimNamesAhead(1)).toBeNull();
  });

  it('are dropped when nobody came for them in time', () => {
    const r = dropNamesAhead(1);
    startNamesAhead(1, r, article('https://a.test/'), namesOf('A'), 0);
    expect(claimNamesAhead(1, 60_000)).toBeNull();
  });
});
