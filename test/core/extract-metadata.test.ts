import { describe, expect, it } from 'vitest';
import { dateInText, toIso } from '../../src/core/extract/dates.ts';
import { normalizeLang, readMetadata } from '../../src/core/extract/metadata.ts';
import { parse } from '../helpers.ts';

describe('dates', () => {
  it('keeps ISO 8601 values with their precision and offset', () => {
    expect(toIso('2021-01-27')).toBe('2021-01-27');
    expect(toIso('2019-11-19T10:48:00+00:00')).toBe('2019-11-19T10:48:00+00:00');
    expect(toIso('2019-11-19T10:48Z')).toBe('2019-11-19T10:48:00Z');
    expect(toIso('2019-11-19 10:48:00+0100')).toBe('2019-11-19T10:48:00+01:00');
  });

  it('turns other machine formats into ISO 8601 UTC', () => {
    expect(toIso('Tue, 19 Nov 2019 10:48:00 GMT')).toBe('2019-11-19T10:48:00.000Z');
    expect(toIso('1574160480')).toBe('2019-11-19T10:48:00.000Z');
  });

  it('reads datelines in running text, in several languages', () => {
    expect(dateInText('【大纪元2021年01月27日讯】')).toBe('2021-01-27');
    expect(dateInText('2012年1月3日 10:30')).toBe('2012-01-03');
    expect(dateInText('２０１２年１月１７日（星期二）')).toBe('2012-01-17');
    expect(dateInText('서울 2020년 3월 5일 입력')).toBe('2020-03-05');
    expect(dateInText('London, 27 January 2021 —')).toBe('2021-01-27');
    expect(dateInText('Updated Nov. 19, 2019 6:55 AM')).toBe('2019-11-19');
    expect(dateInText('Berlin, 3. März 2020')).toBe('2020-03-03');
    expect(dateInText('publicado el 5 de mayo de 2018')).toBe('2018-05-05');
    expect(dateInText('Stand: 19.11.2019')).toBe('2019-11-19');
    expect(dateInText('no date here, 12 monkeys')).toBeNull();
  });

  it('rejects impossible dates', () => {
    expect(dateInText('2021年13月40日')).toBeNull();
    expect(toIso('not a date')).toBeNull();
  });
});

describe('metadata', () => {
  const page = `<!doctype html><html lang="en_us"><head>
    <title>Storm hits coast | Daily Planet</title>
    <meta property="og:site_name" content="Daily Planet">
    <meta name="description" content="A storm hit the coast.">
    <meta property="og:image" content="/img/storm.jpg">
    <link rel="canonical" href="https://news.example.com/storm">
    <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},
      {"@type":"NewsArticle","headline":"Storm hits coast","author":[{"@type":"Person","name":"Lois Lane"},{"name":"Clark Kent"}],
       "datePublished":"2020-05-01T08:00:00Z","dateModified":"2020-05-02T09:30:00Z"}]}</script>
    </head><body><article><h1>Storm hits coast</h1><p>Text.</p></article></body></html>`;

  it('reads JSON-LD through @graph, meta tags and the canonical link', () => {
    const m = readMetadata(parse(page, 'https://news.example.com/storm?utm=1'), 'https://news.example.com/storm?utm=1');
    expect(m.title).toBe('Storm hits coast');
    expect(m.byline).toBe('Lois Lane, Clark Kent');
    expect(m.siteName).toBe('Daily Planet');
    expect(m.publishedTime).toBe('2020-05-01T08:00:00Z');
    expect(m.modifiedTime).toBe('2020-05-02T09:30:00Z');
    expect(m.lang).toBe('en-US');
    expect(m.canonicalUrl).toBe('https://news.example.com/storm');
    expect(m.leadImage?.src).toBe('https://news.example.com/img/storm.jpg');
    expect(m.excerpt).toBe('A storm hit the coast.');
  });

  it('takes the site name off a title that carries it', () => {
    const doc = parse('<html><head><title>Storm hits coast | Daily Planet</title><meta property="og:site_name" content="Daily Planet"></head><body></body></html>');
    expect(readMetadata(doc, 'https://x.example/').title).toBe('Storm hits coast');
  });

  it('falls back to the article text: dateline byline, date, source address, language', () => {
    const doc = parse('<html><body><p>x</p></body></html>');
    const text = '【大纪元2021年01月27日讯】（英文大纪元记者Ivan Pentchoukov报导／谢佳宣编译）据美国国务院对外发布的消息，国务卿周二打出了第一通外交电话。';
    const m = readMetadata(doc, 'https://x.example/a', { articleText: text, pageText: '原文地址（需翻墙访问）：https://www.epochtimes.com/gb/21/1/27/n12715693.htm\n' });
    expect(m.byline).toBe('英文大纪元记者Ivan Pentchoukov报导／谢佳宣编译');
    expect(m.publishedTime).toBe('2021-01-27');
    expect(m.sourceUrl).toBe('https://www.epochtimes.com/gb/21/1/27/n12715693.htm');
    expect(m.lang).toBe('zh');
  });

  it('uses byline lines the cleaners took out, without their "By" and date', () => {
    const doc = parse('<html><body></body></html>');
    const m = readMetadata(doc, 'https://x.example/a', { bylines: ['By Justine Coleman - 11/18/19 11:04 PM EST'] });
    expect(m.byline).toBe('Justine Coleman');
    // A <time> inside the byline paragraph leaves its machine date after the name (space.com).
    const glued = readMetadata(doc, 'https://x.example/a', { bylines: ['By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy'] });
    expect(glued.byline).toBe('Mike Wall');
    const written = readMetadata(doc, 'https://x.example/a', { bylines: ['Luna Hamidi Le 29/01/2020'] });
    expect(written.byline).toBe('Luna Hamidi');
  });

  it('ignores author values that are addresses', () => {
    const doc = parse('<html><head><meta property="article:author" content="https://facebook.com/someone"></head><body></body></html>');
    expect(readMetadata(doc, 'https://x.example/a').byline).toBeNull();
  });

  it('detects right-to-left articles', () => {
    const doc = parse('<html lang="ar" dir="rtl"><body></body></html>');
    expect(readMetadata(doc, 'https://x.example/a').dir).toBe('rtl');
    const noAttr = parse('<html><body></body></html>');
    expect(readMetadata(noAttr, 'https://x.example/a', { articleText: 'שלום עולם, זהו מאמר בעברית עם מספיק אותיות' }).dir).toBe('rtl');
  });

  it('normalises language tags to BCP 47 casing', () => {
    expect(normalizeLang('zh_cn')).toBe('zh-CN');
    expect(normalizeLang('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(normalizeLang('EN')).toBe('en');
    expect(normalizeLang('de-DE, en')).toBe('de-DE');
    expect(normalizeLang('English')).toBeNull();
    expect(normalizeLang('')).toBeNull();
  });
});
