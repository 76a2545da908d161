import { describe, expect, it } from 'vitest';
import { packsForArticle } from '../../src/core/entities/index.ts';

const art = (text: string, lang: string | null, title = '') => ({ title, text, lang });

// The packs the names script loads are chosen by the language the tagger detects, not by the
// page's lang attribute (often the site template's).
describe('packsForArticle', () => {
  it('loads no English model for a Polish or Russian article, whatever the page declares', () => {
    const pl = 'Prezydent Andrzej Duda spotkał się w Warszawie z premierem. Rozmowa dotyczyła budżetu na przyszły rok i sytuacji na granicy z Białorusią, o której mówiono także w Sejmie.';
    const ru = 'Президент России Владимир Путин провёл в Москве встречу с главой правительства. Обсуждались бюджет на следующий год и положение в регионах страны.';
    expect(packsForArticle(art(pl, 'en'))).toEqual([]);
    expect(packsForArticle(art(ru, 'en'))).toEqual([]);
    expect(packsForArticle(art(ru, null))).toEqual([]);
  });

  it('loads the English pack for an English block quoted in a Russian article', () => {
    const ru = 'Президент России Владимир Путин провёл в Москве встречу с главой правительства. Обсуждались бюджет на следующий год и положение в регионах страны.';
    const quote = 'Secretary of State Antony Blinken said on Tuesday that the talks in Geneva had been useful for both sides.';
    expect(packsForArticle(art(`${ru}\n${quote}`, 'ru'))).toEqual(['en']);
  });

  it("loads the article's own word pack, and the Chinese model with a Latin name in Chinese text", () => {
    expect(packsForArticle(art('Olaf Scholz traf Emmanuel Macron in Berlin. Die beiden sprachen über die Lage in der Ukraine und über die Wirtschaft.', 'en'))).toEqual(['de']);
    expect(packsForArticle(art('Secretary of State Antony Blinken spoke with the Canadian foreign minister on Tuesday.', 'en'))).toEqual(['en']);
    expect(packsForArticle(art('美国国务卿安东尼‧布林肯（Antony Blinken）周二与加拿大、墨西哥、日本和韩国外长通话。', 'zh-CN'))).toEqual(['zh', 'en']);
    expect(packsForArticle(art('美国国务卿布林肯周二与加拿大、墨西哥、日本和韩国外长通话。', null))).toEqual(['zh']);
  });
});
