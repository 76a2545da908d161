import { afterEach, describe, expect, it, vi } from 'vitest';
import zhData from '../../src/core/entities/data/zh.json';
import jaData from '../../src/core/entities/data/ja.json';

// The first use of Intl in a page's renderer starts ICU (60-80 ms in Chromium), which the popup
// would wait for: on English, Chinese and Japanese pages the tagger must not touch Intl at all
// (their region names ship with it), and must decode only the data of the page's language.
describe('cold start', () => {
  const realIntl = globalThis.Intl;
  afterEach(() => {
    globalThis.Intl = realIntl;
    vi.restoreAllMocks();
    vi.resetModules();
  });

  async function freshTagger(): Promise<{ findEntities: typeof import('../../src/core/entities/index.ts').findEntities; intlCalls: string[] }> {
    vi.resetModules();
    const intlCalls: string[] = [];
    const trap = (name: string) =>
      function (this: unknown, ...args: unknown[]) {
        intlCalls.push(name);
        return Reflect.construct((realIntl as unknown as Record<string, new (...a: unknown[]) => unknown>)[name]!, args);
      };
    globalThis.Intl = { ...realIntl, DisplayNames: trap('DisplayNames'), Collator: trap('Collator') } as unknown as typeof Intl;
    vi.spyOn(String.prototype, 'localeCompare').mockImplementation(function (this: string) {
      intlCalls.push('localeCompare');
      return 0;
    });
    const { findEntities } = await import('../../src/core/entities/index.ts');
    return { findEntities, intlCalls };
  }

  it('tags English, Chinese and Japanese text (UI in English or Chinese) without Intl', async () => {
    const { findEntities, intlCalls } = await freshTagger();
    const en = findEntities({ doc: null, article: { title: '', text: 'Secretary of State Antony Blinken called Mexico and South Korea on Monday.', lang: 'en' }, uiLang: 'en' });
    const zh = findEntities({ doc: null, article: { title: '', text: '美国国务卿布林肯周二与加拿大、墨西哥、日本和韩国外长通话。', lang: 'zh-CN' }, uiLang: 'zh-CN' });
    const ja = findEntities({ doc: null, article: { title: '', text: 'ヒラリー・クリントンはメキシコと韓国を訪れた。', lang: 'ja' }, uiLang: 'en' });
    expect(intlCalls).toEqual([]);
    // And the shipped region names do their job.
    expect(en.find((e) => e.name === 'South Korea')?.type).toBe('place');
    for (const name of ['加拿大', '墨西哥', '日本', '韩国']) expect(zh.find((e) => e.name === name)?.type, name).toBe('place');
    expect(ja.find((e) => e.name === 'メキシコ')?.type).toBe('place');
  });

  it('still asks Intl for the region names of other languages', async () => {
    const { findEntities, intlCalls } = await freshTagger();
    const ents = findEntities({ doc: null, article: { title: '', text: 'Россия и Германия подписали соглашение.', lang: 'ru' } });
    expect(intlCalls).toContain('DisplayNames');
    expect(ents.filter((e) => e.type === 'place').map((e) => e.name).sort()).toEqual(['Германия', 'Россия']);
  });

  it('splits only the word lists of the page\'s language', async () => {
    const { findEntities } = await freshTagger();
    const split = vi.spyOn(String.prototype, 'split');
    const lists = (data: Record<string, unknown>): Set<string> => new Set(Object.values(data).filter((v): v is string => typeof v === 'string' && v.includes('|')));
    const zhLists = lists(zhData);
    const jaLists = lists(jaData);
    const splitLists = (): string[] => split.mock.contexts.map((c) => String(c));
    findEntities({ doc: null, article: { title: '', text: 'Antony Blinken called Mexico on Monday.', lang: 'en' } });
    expect(splitLists().filter((s) => zhLists.has(s) || jaLists.has(s))).toEqual([]);
    findEntities({ doc: null, article: { title: '', text: '美国国务卿布林肯周二与墨西哥外长通话。', lang: 'zh' } });
    expect(splitLists().some((s) => zhLists.has(s))).toBe(true);
    expect(splitLists().filter((s) => jaLists.has(s))).toEqual([]);
  });
});
