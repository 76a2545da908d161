import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor, describe as quoteOf, prepare, type Span } from '../../src/core/annotations/anchor.ts';
import { ROOT } from '../helpers.ts';

// Doubtful matches the anchoring must refuse ("not found" is allowed, a wrong place never): the
// placements bench:anchoring once judged wrong, each reduced to its one edit, on the same
// fixture texts. A placement is right when it covers at least half of the true place and the
// true place at least half of it (the bench's rule).

function fixtureText(slug: string): string {
  return (JSON.parse(readFileSync(resolve(ROOT, 'fixtures/extract', slug, 'expected.json'), 'utf8')) as { article: { text: string } }).article.text;
}

function spanOf(text: string, from: string, to: string): Span {
  const start = text.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const end = text.indexOf(to, start) + to.length;
  expect(end - to.length, to).toBeGreaterThan(start);
  return { start, end };
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / (Math.max(a.end, b.end) - Math.min(a.start, b.start));

/** Insert `what` at `at` in `text`; the true place of `span` (which it may fall inside) moves with it. */
function insert(text: string, at: number, what: string, span: Span): { text: string; truth: Span } {
  return {
    text: text.slice(0, at) + what + text.slice(at),
    truth: { start: span.start + (at <= span.start ? what.length : 0), end: span.end + (at < span.end ? what.length : 0) },
  };
}

/** Not found, or found in the right place. */
function expectNoWrongPlace(found: Span | null, truth: Span, text: string): void {
  if (found) expect(overlap(found, truth), `placed on "${text.slice(found.start, found.end).slice(0, 80)}…"`).toBeGreaterThanOrEqual(0.5);
}

const FOREIGN = 'Getting to the Moon, while not easy, has been done. Staying on the Moon and reaching Mars, however, have not, because space travel is anything but easy.\n';

describe('doubtful matches are refused', () => {
  it('context words that occur inside the passage itself do not cut it short (paragraphs inserted inside a long passage)', () => {
    // "The suspect " before the passage, and "The suspect, Michael Webb" inside it: with two
    // paragraphs inserted inside, the passage is far longer than before, and the context step
    // took the words after the second "The suspect" for the whole passage.
    const text = fixtureText('en-nbcdfw-video-story');
    const span = spanOf(text, 'confessed and the jury', 'converging outside');
    const quote = quoteOf(text, span);
    let edited = insert(text, text.indexOf('A video showing'), FOREIGN, span);
    const portuguese = 'Uma verdadeira experiência amorosa é um dos maiores prazeres da vida. Gostar é sentir com a alma, mas expressar os sentimentos depende das idéias de cada um. Condicionamos o amor às nossas necessidades e acabamos com ele.\n';
    edited = insert(edited.text, edited.text.indexOf('The suspect, Michael Webb'), portuguese, edited.truth);
    expectNoWrongPlace(anchor(prepare(edited.text), quote, span), edited.truth, edited.text);
  });

  it('a long passage is not joined from a copy of its first paragraph to its own end', () => {
    // The passage's first paragraph was copied higher up the page, and then edited where the
    // passage is: the start is found exactly only in the copy, the end only in the passage.
    const text = fixtureText('seed');
    const span = spanOf(text, 'd）的通话中', '以及维护');
    const quote = quoteOf(text, span);
    const para = text.split('\n').find((p) => p.startsWith('在与墨西哥外交部长'))!;
    const copyAt = text.indexOf('美国参议院当天稍早确认');
    const withCopy = insert(text, copyAt, `${para}\n`, span);
    // Edits where the passage truly is: a character inside the words before it (so they no longer
    // mark its start), "）" replaced, a character changed in its second paragraph.
    const own = withCopy.text.lastIndexOf('在与墨西哥外交部长');
    const moved = withCopy.text.slice(0, own + 1) + '的' + withCopy.text.slice(own + 1);
    const truth = { start: withCopy.truth.start + 1, end: withCopy.truth.end + 2 };
    const at = truth.start + 1;
    const edited = `${moved.slice(0, at)} 也${moved.slice(at + 1)}`.replace(/布林肯在与韩国外长(?![\s\S]*布林肯在与韩国外长)/, '布林肯在与韩也外长');
    expect(edited.slice(truth.start, truth.start + 4)).toBe('d 也的');
    expect(edited.slice(truth.end - 4, truth.end)).toBe('以及维护');
    expectNoWrongPlace(anchor(prepare(edited), quote, span), truth, edited);
  });

  it('a short passage with a paragraph inserted inside is not matched by its other half and look-alike words', () => {
    // "estimates.⏎Some social media": a paragraph ending "…according to one estimate." went in
    // between; "estimate.⏎Some social media" is one letter away from the quote, with the words
    // after it right and the words before it wrong.
    const text = fixtureText('en-snopes-factcheck');
    const span = spanOf(text, 'estimates.\nSome social media', 'Some social media');
    const quote = quoteOf(text, span);
    const para = 'Pollution has also shaved 3.2 years from the life expectancies of 660 million people in the country, according to one estimate.\n';
    const edited = insert(text, text.indexOf('Some social media'), para, span);
    expectNoWrongPlace(anchor(prepare(edited.text), quote, span), edited.truth, edited.text);
  });

  it('two verbatim copies about as far from where the passage was: not found; one clearly nearer: that one', () => {
    const text = fixtureText('seed');
    const start = text.indexOf('、安全和繁荣”');
    const span = { start, end: start + '、安全和繁荣”'.length };
    const quote = quoteOf(text, span);
    const para = text.split('\n').find((p) => p.includes('、安全和繁荣”'))!;
    // A copy of its paragraph at the top (the copy lands near where the passage was), and text
    // inserted before the original that moves it about as far from there.
    const withCopy = insert(text, 0, `${para}\n`, span);
    const copyAt = para.indexOf('、安全和繁荣”');
    const filler = `${'这是一段新加入的文字。'.repeat(Math.ceil(Math.abs(span.start - copyAt) / 11))}\n`;
    const edited = insert(withCopy.text, withCopy.text.indexOf(para, para.length), filler, withCopy.truth);
    expect(edited.text.slice(edited.truth.start, edited.truth.end)).toBe('、安全和繁荣”');
    expect(anchor(prepare(edited.text), quote, span)).toBeNull();
    // Without the filler, the passage stays much nearer its old place than the copy: placed there.
    const found = anchor(prepare(withCopy.text), quote, span)!;
    expect(found).not.toBeNull();
    expect(overlap(found, withCopy.truth)).toBe(1);
  });
});
