import { test, expect } from '@playwright/test';
import { PageServer } from '../support/server.ts';
import { Sift } from '../support/sift.ts';
import { Downloads } from '../support/downloads.ts';
import { JS, JSQ } from './hostile-corpus.ts';
import { Monitor } from './monitor.ts';
import { filesOf, htmlProblems, markdownProblems } from './exports.ts';


// Hostile highlights: an import whose annotations carry markup, scripts, javascript: links,
// Markdown injections and bidi controls in their notes and quotes, over a clipping whose text
// holds the same payloads as text. Shown in the library's reader, list, editor and Highlights
// view, then exported to Markdown and HTML. Nothing may run, load or navigate, and every export
// stays inert. (The popup shows notes through the same list and marks code.)

const NOTES = [
  `<script>${JS('hl01a')}</script>`,
  `<img src=x onerror="${JS('hl01b')}">`,
  `[click](javascript:${JSQ('hl01c')}) <a href="javascript:${JSQ('hl01d')}">x</a>`,
  `"><svg onload=${JSQ('hl01e')}>`,
  `\u202Egnp.exe \u2066<b>isolate</b>\u2069 {{constructor.constructor('${JSQ('hl01f')}')()}}`,
];
const PARAS = [
  `A plain first paragraph about the city council and its budget for the coming year.`,
  `The payload <img src=x onerror="${JS('hl02a')}"> is written here as text, as an article may quote it.`,
  `Bidi \u202Eevil\u202C text and <script>${JS('hl02b')}</script> in the middle of a sentence.`,
  `A last paragraph, quiet, with nothing in it but words about the weather and the harbour.`,
];

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function hostileExport(): string {
  const text = PARAS.join('\n');
  const now = '2026-01-01T00:00:00.000Z';
  const annotations = PARAS.map((p, i) => {
    const start = text.indexOf(p) + 2;
    const end = start + Math.min(60, p.length - 4);
    return {
      id: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`,
      type: 'Annotation', created: now, modified: now, motivation: 'commenting',
      body: { type: 'TextualBody', value: NOTES[i % NOTES.length] },
      target: { selector: [
        { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        { type: 'TextPositionSelector', start, end },
      ] },
      // An unknown colour (markup) is refused as a colour and becomes yellow.
      color: i === 3 ? '"><img src=x onerror=alert(1)>' : 'pink',
    };
  });
  // One that cannot be placed, its quote markup: listed as not found, as text.
  annotations.push({ ...annotations[0]!, id: 'urn:uuid:00000000-0000-4000-8000-0000000000ff', body: { type: 'TextualBody', value: NOTES[4]! },
    target: { selector: [{ type: 'TextQuoteSelector', exact: `<iframe src="javascript:${JSQ('hl03a')}">`, prefix: '', suffix: '' }] } } as (typeof annotations)[number]);
  const clipping = {
    id: 'hostile-highlights-1', schema: 2, title: 'Hostile highlights <img src=x onerror=alert(1)>', byline: null, siteName: 'Hostile',
    publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr', url: 'https://hostile.example/a', canonicalUrl: 'https://hostile.example/a',
    sourceUrl: null, leadImage: null, excerpt: null, wordCount: 80, readingMinutes: 1,
    html: PARAS.map((p) => `<p>${escapeHtml(p)}</p>`).join(''), text, entities: [], tags: [], note: '', annotations, savedAt: now, updatedAt: now,
  };
  return JSON.stringify({ format: 'sift-library', version: 1, exportedAt: now, clippings: [clipping] });
}

test('hostile highlights and notes: nothing runs in the readers, the list, the editor, the Highlights view or the exports', async () => {
  test.setTimeout(150_000);
  const server = await new PageServer().start();
  const sift = await Sift.launch();
  const monitor = new Monitor(server.origin);
  await monitor.watchContext(sift.context);
  const downloads = await Downloads.start(sift);
  try {
    const optUrl = sift.extensionUrl('src/options/index.html');
    monitor.expectNavigation(optUrl);
    const options = monitor.own(await sift.context.newPage());
    await options.goto(optUrl);
    await options.getByTestId('import-file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostileExport()) });
    await expect(options.getByTestId('data-status')).toContainText('1');
    await monitor.checkPage(options, 'options after import');

    const libUrl = sift.extensionUrl('src/library/index.html');
    monitor.expectNavigation(libUrl);
    const lib = monitor.own(await sift.context.newPage());
    await lib.goto(libUrl);
    await lib.getByTestId('clipping').first().click();
    const marks = lib.locator('[data-testid=reader] mark[data-annotation-id]');
    await expect(marks.first()).toBeAttached();
    expect(await lib.locator('[data-testid=reader] mark[data-annotation-color=yellow]').count()).toBeGreaterThan(0);
    await expect(lib.getByTestId('hl-not-found')).toBeVisible();
    // Notes are text: no element came from them, and the bidi controls are not shown.
    expect(await lib.locator('[data-testid=highlights] img, [data-testid=highlights] svg, [data-testid=highlights] script, [data-testid=highlights] a').count()).toBe(0);
    const shown = await lib.getByTestId('hl-item-note').allTextContents();
    expect(shown.join('')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(shown.join('')).toContain('<script>');
    await marks.first().click();
    await expect(lib.getByTestId('hl-editor')).toBeVisible();
    await monitor.checkPage(lib, 'library reader with hostile highlights');
    await lib.getByTestId('hl-close').click();
    await lib.getByTestId('highlights-view').click();
    await expect(lib.getByTestId('hl-view-item')).toHaveCount(5);
    await monitor.checkPage(lib, 'library Highlights view');
    await lib.keyboard.press('Escape');

    for (const testid of ['export-md', 'export-html']) {
      for (const file of filesOf(await downloads.take(() => lib.getByTestId(testid).click()))) {
        const problems = file.name.endsWith('.md')
          ? markdownProblems(file.text, server.origin)
          : await htmlProblems(monitor.own(await sift.context.newPage()), monitor, file, server.origin);
        expect(problems, `${testid} ${file.name}`).toEqual([]);
        // The Highlights part shows notes and quotes without bidi controls (the article's own
        // text is exported as it is).
        const part = file.text.split(/## Highlights|<section class="highlights">/)[1] ?? '';
        expect(part).toContain('isolate');
        expect(part).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      }
    }

    expect(monitor.incidents, 'executions, requests, navigations or unsafe content').toEqual([]);
    expect(monitor.strayPages(), 'pages opened by content').toEqual([]);
  } finally {
    await downloads.close();
    await sift.close();
    await server.stop();
  }
});
