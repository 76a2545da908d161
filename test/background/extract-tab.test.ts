import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractOutcome } from '../../src/core/types.ts';

// extractTab against a scripted browser: each test says what tabs.get and executeScript do, in
// the order Chromium would answer, and checks the outcome the popup gets.
const state: { urls: (string | undefined | Error)[]; inject: (call: { files?: string[]; func?: unknown }) => Promise<unknown> } = {
  urls: [],
  inject: async () => [],
};
const injections: string[] = [];
const injectedFiles: string[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: {
      get: async () => {
        const next = state.urls.length > 1 ? state.urls.shift() : state.urls[0];
        if (next instanceof Error) throw next;
        return { id: 1, url: next };
      },
    },
    scripting: {
      executeScript: async (call: { files?: string[]; func?: unknown }) => {
        injections.push(call.files ? 'files' : 'func');
        if (call.files) injectedFiles.push(...call.files);
        return state.inject(call);
      },
    },
  },
}));
const { entitiesTab, extractTab } = await import('../../src/background/extract-tab.ts');

const ARTICLE: ExtractOutcome = {
  ok: true,
  article: {
    title: 'T', byline: null, siteName: null, publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr',
    url: 'https://example.org/a', canonicalUrl: 'https://example.org/a', sourceUrl: null, leadImage: null, excerpt: null,
    wordCount: 3, readingMinutes: 1, html: '<p>one two three</p>', text: 'one two three',
  },
  readability: { isArticle: true, reason: 'article' },
  entities: [{ name: 'Example', type: 'topic', aliases: [], count: 1, sources: ['page-tag'] }],
  timings: { extractMs: 1, entitiesMs: 1 },
};
/** What the names script answers: the article's names, as ARTICLE carries them. */
const NAMES = { ok: true, entities: ARTICLE.ok ? ARTICLE.entities : [], ms: 1 };
/** ARTICLE with another text and lang attribute. */
function withText(text: string, lang: string): ExtractOutcome {
  return ARTICLE.ok ? { ...ARTICLE, article: { ...ARTICLE.article!, text, lang } } : ARTICLE;
}
const MISSING: ExtractOutcome = { ok: false, error: { code: 'navigated', message: 'Sift could not start on this page.' } };

/** executeScript answers: files -> [], func -> the next result in `results`. */
function results(...list: unknown[]) {
  return async (call: { files?: string[] }) => (call.files ? [{ result: null }] : [{ result: list.shift() }]);
}
const code = (out: ExtractOutcome) => (out.ok ? 'ok' : out.error.code);

beforeEach(() => {
  injections.length = 0;
  injectedFiles.length = 0;
  state.urls = ['https://example.org/a'];
  state.inject = results(ARTICLE, NAMES);
});

describe('extractTab', () => {
  it('injects the content script, asks it for the article, then injects the names script with its packs in one call, and asks for the names', async () => {
    expect(await extractTab(1, {})).toEqual({ ...ARTICLE, pageTags: [] });
    expect(injections).toEqual(['files', 'func', 'files', 'func']);
  });

  it('passes on the page tags the names script found apart from the names', async () => {
    state.inject = results(ARTICLE, { ...NAMES, pageTags: ['economy', 'budget'] });
    const out = await extractTab(1, {});
    expect(out.ok && out.pageTags).toEqual(['economy', 'budget']);
    // A names answer whose tags are not strings is refused like any malformed answer.
    state.inject = results(ARTICLE, { ...NAMES, pageTags: [{ html: '<b>' }] });
    expect(code(await extractTab(1, {}))).toBe('failed');
  });

  it('never injects into browser pages or stores', async () => {
    for (const url of ['chrome://settings/', 'chrome-extension://abc/x.html', 'https://chromewebstore.google.com/detail/x', 'about:blank', 'view-source:https://x.org/']) {
      state.urls = [url];
      expect(code(await extractTab(1, {})), url).toBe('restricted');
    }
    expect(injections).toEqual([]);
  });

  it('says the tab is gone when it is', async () => {
    state.urls = [new Error('No tab with id: 1.')];
    expect(code(await extractTab(1, {}))).toBe('no-tab');
  });

  it('reads the new document once when the page was replaced between the two calls', async () => {
    state.inject = results(MISSING, ARTICLE, NAMES);
    expect(await extractTab(1, {})).toEqual({ ...ARTICLE, pageTags: [] });
    expect(injections).toEqual(['files', 'func', 'files', 'func', 'files', 'func']);
  });

  it("says 'navigated' when the document keeps changing", async () => {
    state.inject = results(MISSING, MISSING);
    expect(code(await extractTab(1, {}))).toBe('navigated');
  });

  it("says 'navigated' when the frame went away mid-run", async () => {
    state.inject = async () => {
      throw new Error('Frame with ID 0 was removed.');
    };
    expect(code(await extractTab(1, {}))).toBe('navigated');
  });

  it("says 'navigated' when the tab left the page and took activeTab's grant with it", async () => {
    state.urls = ['https://example.org/a', undefined];
    state.inject = async () => {
      throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    };
    expect(code(await extractTab(1, {}))).toBe('navigated');
  });

  it("keeps 'restricted' for a page that was never readable", async () => {
    state.inject = async () => {
      throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    };
    expect(code(await extractTab(1, {}))).toBe('restricted');
  });

  it('says the tab was closed when it disappears during the run', async () => {
    state.urls = ['https://example.org/a', new Error('No tab with id: 1.')];
    state.inject = async () => {
      throw new Error('No tab with id: 1.');
    };
    expect(code(await extractTab(1, {}))).toBe('no-tab');
  });

  it('refuses an answer that is not an extraction result', async () => {
    for (const bad of [42, 'x', { ok: true }, { ok: false, error: { code: 'pwned', message: 'x' } }, { ...ARTICLE, entities: 'no' }]) {
      state.inject = results(bad);
      expect(code(await extractTab(1, {})), JSON.stringify(bad).slice(0, 40)).toBe('failed');
    }
  });

  it('gives up with timeout when the page never lets the script run', async () => {
    state.inject = () => new Promise(() => {});
    const t0 = Date.now();
    expect(code(await extractTab(1, {}, 100))).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('passes on the budget errors of the content script unchanged', async () => {
    for (const c of ['too-complex', 'too-large', 'timeout'] as const) {
      const out: ExtractOutcome = { ok: false, error: { code: c, message: `limit ${c}` } };
      state.inject = results(out);
      expect(await extractTab(1, {})).toEqual(out);
    }
  });
});

describe('the article first, its names next', () => {
  it('injects the tagger along with the extractor by default (quick save), and not when names come later', async () => {
    state.inject = results(withText('Secretary of State Antony Blinken spoke with the Canadian foreign minister.', 'en'), NAMES);
    await extractTab(1, {});
    expect(injectedFiles).toEqual(['src/content/index.js', 'src/content/entities.js', 'src/content/pack-en.js']);
    injectedFiles.length = 0;
    await extractTab(1, { entities: 'later' });
    expect(injectedFiles).toEqual(['src/content/index.js']);
  });

  it('injects the language packs of the language the tagger detects in the article (not its lang attribute), with the names script', async () => {
    state.inject = results(withText('美国国务卿安东尼‧布林肯（Antony Blinken）周二与加拿大、墨西哥、日本和韩国外长通话。', 'zh-CN'), NAMES);
    await extractTab(1, {});
    expect(injectedFiles).toEqual(['src/content/index.js', 'src/content/entities.js', 'src/content/pack-en.js', 'src/content/pack-zh.js']);
    expect(injections).toEqual(['files', 'func', 'files', 'func']);
    injectedFiles.length = 0;
    // A Russian article (whatever its lang attribute says): no pack at all.
    state.inject = results(withText('Президент России Владимир Путин провёл в Кремле встречу с министром иностранных дел и обсудил с ним положение дел.', 'en'), NAMES);
    await extractTab(1, {});
    expect(injectedFiles).toEqual(['src/content/index.js', 'src/content/entities.js']);
    injectedFiles.length = 0;
    state.inject = results(withText('Olaf Scholz traf Emmanuel Macron in Berlin. Die beiden sprachen über die Lage in der Ukraine und über die Wirtschaft.', 'en'), NAMES);
    await extractTab(1, {});
    expect(injectedFiles).toEqual(['src/content/index.js', 'src/content/entities.js', 'src/content/pack-de.js']);
  });

  it('entitiesTab with the article read: the tagger and its packs in one call, then its names', async () => {
    const names = { ok: true, entities: [{ name: 'Example', type: 'place', aliases: ['Ex'], count: 2, sources: ['gazetteer'] }], ms: 3 };
    state.inject = results(names);
    const german = withText('Olaf Scholz traf Emmanuel Macron in Berlin. Die beiden sprachen über die Lage in der Ukraine und über die Wirtschaft.', 'de');
    expect(await entitiesTab(1, {}, german.ok ? german.article! : undefined)).toEqual(names);
    expect(injectedFiles).toEqual(['src/content/entities.js', 'src/content/pack-de.js']);
    expect(injections).toEqual(['files', 'func']);
  });

  it('entitiesTab without the article (the worker restarted): asks the tagger for its packs, and only known ones become files', async () => {
    const names = { ok: true, entities: [], ms: 3 };
    state.inject = results(['de'], names);
    expect(await entitiesTab(1, {})).toEqual(names);
    expect(injectedFiles).toEqual(['src/content/entities.js', 'src/content/pack-de.js']);
    expect(injections).toEqual(['files', 'func', 'files', 'func']);
    injectedFiles.length = 0;
    state.inject = results(['../../evil', 'en', 42], names);
    await entitiesTab(1, {});
    expect(injectedFiles).toEqual(['src/content/entities.js', 'src/content/pack-en.js']);
  });

  it('entitiesTab refuses an answer that is not a list of names, and says when the tab is gone', async () => {
    state.inject = results({ ok: true, entities: [{ name: 1 }], ms: 1 });
    expect((await entitiesTab(1, {})).ok).toBe(false);
    state.inject = async () => {
      throw new Error('No tab with id: 1');
    };
    state.urls = [new Error('No tab with id: 1')];
    const gone = await entitiesTab(1, {});
    expect(gone.ok ? 'ok' : gone.error.code).toBe('no-tab');
  });
});
