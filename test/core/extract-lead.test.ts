import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract/index.ts';
import { chooseLead } from '../../src/core/extract/lead-image.ts';
import { parse } from '../helpers.ts';

const para = (n: number, word: string): string => `<p>${Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')}, and more.</p>`;
const URL = 'https://news.example.com/2020/05/storm.html';

describe('lead picture and standfirst', () => {
  it('puts back the photo and caption that stand above the text, outside what Readability keeps', () => {
    const doc = parse(`<html><head><title>Storm</title><meta property="og:image" content="https://cdn.example.com/storm-1200x630.jpg"></head><body>
      <div class="hero"><img src="https://cdn.example.com/storm-600x400.jpg" width="600" height="400" alt="The storm"><div class="caption">Waves hit the pier on Monday.</div></div>
      <h4><a href="/a">Home</a> | <a href="/b">News</a></h4>
      <div>${para(60, 'alpha')}${para(60, 'beta')}${para(60, 'gamma')}</div></body></html>`, URL);
    const { article } = extractArticle(doc, { url: URL });
    expect(article!.leadImage).toEqual({ src: 'https://cdn.example.com/storm-600x400.jpg', alt: 'The storm', caption: 'Waves hit the pier on Monday.' });
    const html = parse(`<body>${article!.html}</body>`).body;
    expect(html.querySelector('figure img')?.getAttribute('src')).toBe('https://cdn.example.com/storm-600x400.jpg');
    expect(html.querySelector('figure figcaption')?.textContent).toBe('Waves hit the pier on Monday.');
    // The caption is shown with the picture, not read as body text.
    expect(article!.text).not.toContain('Waves hit');
    expect(article!.text.startsWith('alpha0')).toBe(true);
  });

  it('chooses the nearest picture before the text, never one with other prose in between', () => {
    const root = parse('<body><div id="c"><div><p data-sift-i="50">Text</p></div></div></body>').getElementById('c')!;
    const pic = (order: number, src: string) => ({ order, src, alt: '', caption: null, width: 600 });
    // Pictures at 10 and 30, a paragraph of something else at 40, the article from 50.
    expect(chooseLead(root, [pic(10, '/a.jpg'), pic(30, '/b.jpg')], [40, 50], null)).toBeNull();
    expect(chooseLead(root, [pic(10, '/a.jpg'), pic(45, '/b.jpg')], [40, 50], null)?.src).toBe('/b.jpg');
    // The page's declared picture wins even across other prose.
    expect(chooseLead(root, [pic(10, '/a-600x400.jpg'), pic(30, '/b.jpg')], [40, 50], 'https://cdn/a.jpg')?.src).toBe('/a-600x400.jpg');
    // A picture already at the top of the article is the lead: nothing to add.
    const withPic = parse('<body><div id="c"><div><img src="/x.jpg"><p data-sift-i="50">' + 'word '.repeat(30) + '</p></div></div></body>').getElementById('c')!;
    expect(chooseLead(withPic, [pic(45, '/b.jpg')], [50], null)).toBeNull();
  });

  it('brings back the standfirst Readability leaves in the article header', () => {
    const doc = parse(`<html><body><article><header><h1>Storm</h1>
      <p class="lead">A summary of the storm that hit the coast on Monday, in two short sentences here.</p></header>
      <div class="body">${para(60, 'alpha')}${para(60, 'beta')}${para(60, 'gamma')}</div></article></body></html>`, URL);
    const { article } = extractArticle(doc, { url: URL });
    expect(article!.text.split('\n')[0]).toBe('A summary of the storm that hit the coast on Monday, in two short sentences here.');
  });
});
