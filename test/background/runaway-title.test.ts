import { describe, expect, it } from 'vitest';
import { closeRunawayTitle } from '../../src/offscreen/clean.ts';

// A damaged copy whose <title> never closes is all title to a browser's parser (a blank page).
// The background cleaner ends such a title at the first tag after it (only when the parsed body
// holds no text: checked in Chromium by bench:import on the three dev-set pages so damaged).
describe('closeRunawayTitle', () => {
  it('ends a title cut short ("</tit" then the next tag) at the first tag after it', () => {
    const html = '<html><head><title>Microsoft faces two new cases</titavaScript" src="/g.js"></script></head><body><p>Text.</p></body></html>';
    expect(closeRunawayTitle(html)).toBe('<html><head><title>Microsoft faces two new cases</title></titavaScript" src="/g.js"></script></head><body><p>Text.</p></body></html>');
  });

  it('a title with no end at all: ended before the next tag, whatever its case', () => {
    expect(closeRunawayTitle('<TITLE>Gaza crossings\n document.write(\'<SCRIPT>x</SCRIPT><p>Story</p>')).toBe('<TITLE>Gaza crossings\n document.write(\'</title><SCRIPT>x</SCRIPT><p>Story</p>');
  });

  it('leaves a closed title, a page without a title and a title with nothing after it alone', () => {
    expect(closeRunawayTitle('<title>A &lt;b&gt; title</title><p>x</p>')).toBeNull();
    expect(closeRunawayTitle('<title>A title</TITLE ><p>x</p>')).toBeNull();
    expect(closeRunawayTitle('<p>no title</p>')).toBeNull();
    expect(closeRunawayTitle('<title>only text')).toBeNull();
  });
});
