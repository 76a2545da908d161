import { beforeEach, describe, expect, it, vi } from 'vitest';

// The toolbar click starts the reading (src/background/action-click.ts), against a scripted
// browser: which popup is opened for which tab, and which reading each popup can claim.
const calls: string[] = [];
let refuseOpen = false;
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: { getUILanguage: () => 'en', getMessage: () => 'Click again' },
    runtime: { getManifest: () => ({ action: {} }) },
    action: {
      setPopup: async (d: { tabId?: number; popup: string }) => void calls.push(`setPopup ${d.tabId ?? 'all'} ${d.popup}`),
      openPopup: async () => {
        calls.push('openPopup');
        if (refuseOpen) throw new Error('openPopup is not available');
      },
      setBadgeText: async (d: { text: string }) => void calls.push(`badge ${d.text}`),
      setTitle: async () => undefined,
      onClicked: { addListener: () => undefined },
    },
  },
}));
vi.mock('../../src/background/extract-tab.ts', () => ({
  extractTab: async (tabId: number) => ({ ok: true, article: { title: `article of tab ${tabId}` }, entities: [] }),
  entitiesTab: async (tabId: number) => ({ ok: true, entities: [{ name: `name in tab ${tabId}` }], ms: 1 }),
}));
const { claimArticle, claimNames, forget, onActionClicked } = await import('../../src/background/action-click.ts');

const title = async (p: Promise<unknown> | null) => ((await p) as { article: { title: string } }).article.title;

beforeEach(() => {
  calls.length = 0;
  refuseOpen = false;
  for (const id of [1, 2]) forget(id);
});

describe('the toolbar click starts the reading', () => {
  it('opens this tab\'s popup, which claims the reading once, then its names', async () => {
    await onActionClicked({ id: 1 } as never);
    expect(calls).toEqual(['setPopup 1 src/popup/index.html?tabId=1', 'openPopup']);
    expect(await title(claimArticle(1))).toBe('article of tab 1');
    // Once the popup claims its reading, the next click on the tab comes to the handler again.
    expect(calls.at(-1)).toBe('setPopup 1 ');
    // A second page for the same tab (the popup opened in a tab) reads afresh.
    expect(claimArticle(1)).toBeNull();
    expect(await claimNames(1)).toMatchObject({ ok: true, entities: [{ name: 'name in tab 1' }] });
    expect(claimNames(1)).toBeNull();
  });

  it('two quick clicks on two tabs: each popup gets its own tab\'s article', async () => {
    await Promise.all([onActionClicked({ id: 1 } as never), onActionClicked({ id: 2 } as never)]);
    expect(await title(claimArticle(2))).toBe('article of tab 2');
    expect(await title(claimArticle(1))).toBe('article of tab 1');
    expect(claimArticle(3)).toBeNull();
  });

  it('a forced reading drops the click\'s names (they were for the other reading)', async () => {
    await onActionClicked({ id: 1 } as never);
    forget(1);
    expect(claimArticle(1)).toBeNull();
    expect(claimNames(1)).toBeNull();
  });

  it('where openPopup is refused, the popup comes back for good and the badge asks for another click', async () => {
    refuseOpen = true;
    await onActionClicked({ id: 1 } as never);
    expect(calls).toEqual(['setPopup 1 src/popup/index.html?tabId=1', 'openPopup', 'setPopup all src/popup/index.html', 'badge ↻']);
    // The next click opens the popup the ordinary way, which reads the page afresh.
    expect(claimArticle(1)).toBeNull();
  });
});
