import { describe, expect, it } from 'vitest';
import {
  budgetErrorFrom,
  checkBeforeEntities,
  checkDocument,
  checkResultSize,
  forEntities,
  Deadline,
  DEFAULT_BUDGET,
  elementDepth,
  messageBytes,
  type Budget,
} from '../../src/core/budget.ts';
import { runPipeline } from '../../src/core/pipeline.ts';
import { parse, seedDoc } from '../helpers.ts';

const small: Budget = { maxElements: 500, maxDepth: 40, maxTextChars: 20_000, maxResultBytes: 200_000, maxEntityChars: 1_000, timeMs: 10_000 };

/**
 * A document nested `depth` elements deep under <body>, built through the DOM as a page script
 * would (the HTML parser would flatten it). Built inside out: jsdom pays per ancestor for every
 * insertion into the live document, so the chain is attached once at the end.
 */
function deepDoc(depth: number): Document {
  const doc = parse('<!doctype html><html><head><title>deep</title></head><body></body></html>');
  let chain: Element = doc.createElement('div');
  chain.textContent = 'bottom';
  for (let i = 1; i < depth; i++) {
    const div = doc.createElement('div');
    div.append(chain);
    chain = div;
  }
  doc.body.append(chain);
  return doc;
}

describe('elementDepth', () => {
  it('measures the deepest branch, not the first one', () => {
    const doc = parse('<html><body><p>a</p><div><div><div><span>x</span></div></div></div><p>b</p></body></html>');
    // html > body > div > div > div > span
    expect(elementDepth(doc.documentElement, 100)).toBe(6);
  });

  it('walks a 5,000-deep tree without recursion and stops once past the limit', () => {
    const doc = deepDoc(5000);
    expect(elementDepth(doc.documentElement, 600)).toBe(601);
    expect(elementDepth(doc.documentElement, 10_000)).toBe(5002);
  });

  it('comes back up correctly through siblings at every level', () => {
    const doc = parse('<html><body><ul><li><b>1</b></li><li>2</li></ul><ol><li>3</li></ol><p>end</p></body></html>');
    expect(elementDepth(doc.documentElement, 100)).toBe(5);
  });
});

describe('checkDocument', () => {
  it('lets an ordinary article through', () => {
    expect(checkDocument(seedDoc(), DEFAULT_BUDGET)).toBeNull();
  });

  it('refuses too many elements with too-complex and says how many', () => {
    const doc = parse(`<html><body>${'<p>x</p>'.repeat(600)}</body></html>`);
    const over = checkDocument(doc, small);
    expect(over?.code).toBe('too-complex');
    expect(over?.message).toMatch(/60\d elements/);
  });

  it('refuses a script-built DOM deeper than the limit with too-complex', () => {
    const over = checkDocument(deepDoc(100), small);
    expect(over?.code).toBe('too-complex');
    expect(over?.message).toContain('40 levels');
  });

  it('refuses too much text with too-large', () => {
    const doc = parse(`<html><body><p>${'word '.repeat(5000)}</p></body></html>`);
    expect(checkDocument(doc, small)?.code).toBe('too-large');
  });

  it('accepts a page exactly at the limits', () => {
    const doc = deepDoc(small.maxDepth - 3); // html, body, then the divs
    expect(elementDepth(doc.documentElement, 1000)).toBe(small.maxDepth - 1);
    expect(checkDocument(doc, small)).toBeNull();
  });
});

describe('result size', () => {
  it('counts UTF-8 bytes of the JSON, as a message is sent', () => {
    expect(messageBytes({ a: 'é' })).toBe(new TextEncoder().encode('{"a":"é"}').byteLength);
    expect(messageBytes('中')).toBe(5); // quotes + 3 bytes
  });

  it('refuses a result over the limit with too-large and its size', () => {
    const big = { text: '字'.repeat(100_000) };
    const over = checkResultSize(big, small);
    expect(over?.code).toBe('too-large');
    expect(over?.message).toMatch(/0\.3 MiB/);
    expect(checkResultSize({ text: 'ok' }, small)).toBeNull();
  });

  it('keeps the default limit well under the 64 MiB message limit', () => {
    expect(DEFAULT_BUDGET.maxResultBytes).toBeLessThanOrEqual(16 * 1024 * 1024);
  });
});

describe('Deadline', () => {
  it('says timeout once the time is spent, naming the stage', () => {
    let t = 0;
    const d = new Deadline(1000, () => t);
    t = 999;
    expect(d.check('entities')).toBeNull();
    t = 1500;
    const late = d.check('entities');
    expect(late?.code).toBe('timeout');
    expect(late?.message).toContain('entities');
  });
});

describe('between extraction and entity tagging', () => {
  it('refuses an article already too large to pass on, before tagging it', () => {
    const d = new Deadline(10_000, () => 0);
    expect(checkBeforeEntities({ html: `<p>${'字'.repeat(40_000)}</p>`, text: '字'.repeat(40_000) }, d, small)?.code).toBe('too-large');
    expect(checkBeforeEntities({ html: '<p>ok</p>', text: 'ok' }, d, small)).toBeNull();
    expect(checkBeforeEntities(null, d, small)).toBeNull();
  });

  it('gives the tagger at most maxEntityChars of text, and the article itself otherwise', () => {
    const long = { text: 'x'.repeat(5000), title: 't' };
    expect(forEntities(long, small).text.length).toBe(1000);
    expect(forEntities(long, small).title).toBe('t');
    const short = { text: 'short' };
    expect(forEntities(short, small)).toBe(short);
    expect(forEntities(long, undefined)).toBe(long);
  });
});

describe('budgetErrorFrom', () => {
  it("maps Readability's element limit and stack overflows to too-complex, nothing else", () => {
    expect(budgetErrorFrom(new Error('Aborting parsing document; 123456 elements found'))?.code).toBe('too-complex');
    expect(budgetErrorFrom(new RangeError('Maximum call stack size exceeded'))?.code).toBe('too-complex');
    expect(budgetErrorFrom(new Error('something else'))).toBeNull();
  });
});

describe('runPipeline with a budget', () => {
  it('gives up cleanly on a too-deep page before Readability runs', () => {
    const doc = deepDoc(5000);
    const t0 = performance.now();
    const out = runPipeline(doc, { budget: DEFAULT_BUDGET });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe('too-complex');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('gives up on too many elements', () => {
    const doc = parse(`<html><body><article>${'<p>Some words here.</p>'.repeat(700)}</article></body></html>`);
    const out = runPipeline(doc, { budget: small });
    expect(out.ok ? 'ok' : out.error.code).toBe('too-complex');
  });

  it('stops before entity tagging when the time is spent', () => {
    let t = 0;
    // Each call of now() is one second later: extraction alone "takes" longer than the budget.
    const out = runPipeline(seedDoc(), { budget: { ...DEFAULT_BUDGET, timeMs: 1500 }, now: () => (t += 1000) });
    expect(out.ok ? 'ok' : out.error.code).toBe('timeout');
  });

  it('leaves an ordinary article as it was', () => {
    const withBudget = runPipeline(seedDoc(), { budget: DEFAULT_BUDGET });
    const without = runPipeline(seedDoc());
    expect(withBudget.ok && without.ok).toBe(true);
    if (withBudget.ok && without.ok) {
      expect(withBudget.article?.text).toBe(without.article?.text);
      expect(withBudget.entities.map((e) => e.name)).toEqual(without.entities.map((e) => e.name));
    }
  });
});
