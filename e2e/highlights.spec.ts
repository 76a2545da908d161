import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, shot } from './support/fixtures.ts';
import { Downloads } from './support/downloads.ts';
import { Sift } from './support/sift.ts';
import type { PageServer } from './support/server.ts';

// Highlights as a reader makes them: in the real popup with the mouse and with the keyboard, a
// note, the popup closed and opened again, the library, a Markdown export file, a re-save of a
// changed page, and a delete undone. Every write is checked where it lands.

const PAGE = resolve(import.meta.dirname, 'pages', 'article-en.html');
const MOUSE_TEXT = 'strong signal of water vapor';
const KEY_TEXT = 'The researchers observed Europa for 17 nights';
const NOTE = 'Check the tonnage <img src=x onerror=alert(1)> \u202Egnp.exe';

/** The article page at /europa.html; `edit` changes what the next visit gets. */
async function europa(server: PageServer): Promise<{ edit(fn: (html: string) => string): void }> {
  const original = await readFile(PAGE, 'utf8');
  let html = original;
  server.route('/europa.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  return { edit: (fn) => (html = fn(original)) };
}

/**
 * Drag the mouse across `text` in the article (the first text node holding it). The popup window
 * can still be growing to its content when a test starts dragging (Chromium resizes it after
 * paint), which moves the text between measuring and dragging: the drag is measured again and
 * repeated (at most 3 times) until the selection is the text.
 */
async function dragSelect(popup: Page, text: string): Promise<void> {
  let selected = '';
  for (let attempt = 0; attempt < 3 && selected !== text; attempt++) {
    const box = await popup.evaluate((needle) => {
      const body = document.querySelector('[data-testid=article]')!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(needle);
        if (i < 0) continue;
        n.parentElement!.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const a = r.getBoundingClientRect();
        r.setStart(n, i + needle.length - 1);
        r.setEnd(n, i + needle.length);
        const b = r.getBoundingClientRect();
        return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
      }
      return null;
    }, text);
    expect(box, `"${text}" in the article`).not.toBeNull();
    await popup.mouse.move(box!.x1, box!.y1);
    await popup.mouse.down();
    await popup.mouse.move(box!.x2, box!.y2, { steps: 8 });
    await popup.mouse.up();
    selected = await popup.evaluate(() => document.getSelection()?.toString() ?? '');
  }
  expect(selected, 'the text the mouse dragged across').toBe(text);
}

/** The text of one highlight (all its pieces). */
async function highlightText(popup: Page, color: string): Promise<string> {
  return popup.evaluate((c) => {
    const marks = Array.from(document.querySelectorAll(`mark[data-annotation-id][data-annotation-color="${c}"]`));
    return marks.map((m) => m.textContent).join('');
  }, color);
}

async function axe(page: Page, label: string): Promise<string[]> {
  // The article's own image links lose their name when an image cannot load offline (hidden,
  // not broken): the reader's matter, left to a11y.spec.ts; everything else is checked.
  const { violations } = await new AxeBuilder({ page }).exclude('.article-body figure > a').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).setLegacyMode(true).analyze();
  return violations.map((v) => `${label}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('highlight in the popup by mouse and keyboard, note, reopen, library, Markdown export, re-save, delete with undo', async ({ server }) => {
  // Caret browsing (F7 in Chromium) is how a keyboard user selects text in a page.
  const sift = await Sift.launch({ args: ['--enable-caret-browsing'] });
  try {
    await flow(sift, server);
  } finally {
    await sift.close();
  }
});

async function flow(sift: Sift, server: PageServer): Promise<void> {
  const site = await europa(server);
  const page = await sift.openPage(server.url('/europa.html'));
  let { popup, close } = await sift.clickToolbar(page);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');

  // Mouse: drag across a phrase; the toolbar offers colours; green.
  await dragSelect(popup, MOUSE_TEXT);
  await expect(popup.getByTestId('hl-toolbar')).toBeVisible();
  await popup.getByTestId('hl-color-green').click();
  await expect.poll(() => highlightText(popup, 'green')).toBe(MOUSE_TEXT);
  // The article was not saved: the highlight saved it, and says so.
  await expect(popup.getByTestId('hl-toast')).toContainText('Article saved with your highlight');
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'saved');

  // Keyboard: a click puts the caret, Shift+Ctrl+Right extends the selection word by word, H
  // highlights in the last colour used (green).
  const start = popup.locator('[data-testid=article] p', { hasText: KEY_TEXT });
  await start.click({ position: { x: 1, y: 4 } });
  for (let i = 0; i < 7; i++) await popup.keyboard.press('Shift+Control+ArrowRight');
  expect(await popup.evaluate(() => document.getSelection()?.toString())).toMatch(/^The researchers observed Europa for 17 nights/);
  await popup.keyboard.press('h');
  await expect(popup.locator('mark[data-annotation-id]', { hasText: '17 nights' })).toHaveCount(1);
  await expect(popup.getByTestId('hl-toast')).toContainText('Highlight saved');

  // Its editor by keyboard: focus the highlight, Enter; yellow; then a note, saved with Ctrl+Enter.
  const keyId = await popup.locator('mark[data-annotation-id]', { hasText: '17 nights' }).getAttribute('data-annotation-id');
  await popup.locator(`mark[data-annotation-id="${keyId}"][tabindex="0"]`).focus({ timeout: 5_000 });
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('hl-editor')).toBeVisible();
  await popup.getByTestId('hl-edit-color-yellow').focus();
  await popup.keyboard.press('Enter');
  await expect.poll(() => highlightText(popup, 'yellow')).toMatch(/^The researchers observed Europa for 17 nights/);
  await popup.getByTestId('hl-note').focus();
  await popup.keyboard.insertText(NOTE);
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByTestId('hl-editor')).toBeHidden();
  await expect(popup.locator('mark[data-annotation-color=yellow][data-annotation-note]').first()).toBeVisible();
  // Back on the highlight, where the keyboard was.
  await expect(popup.locator('mark[data-annotation-color=yellow][tabindex="0"]')).toBeFocused();
  // The list beside the article: both highlights, in reading order, with the note as text.
  await popup.getByTestId('side-highlights').click();
  const items = popup.getByTestId('hl-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('17 nights');
  // Shown as text, and without the bidi override that would make "gnp.exe" read "exe.png".
  await expect(items.nth(0).getByTestId('hl-item-note')).toHaveText(NOTE.replace('\u202E', ''));
  await expect(items.nth(1)).toContainText(MOUSE_TEXT);
  expect(await popup.locator('[data-testid=highlights] img').count()).toBe(0);
  await popup.screenshot({ path: shot('highlights-popup') });
  await popup.close();
  await close();

  // Reopen: the saved highlights are back on the article.
  ({ popup, close } = await sift.clickToolbar(page));
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => highlightText(popup, 'green')).toBe(MOUSE_TEXT);
  await expect(popup.locator('mark[data-annotation-color=yellow][data-annotation-note]').first()).toBeAttached();
  await popup.close();
  await close();

  // The library: the clipping has them, the filter finds it, the Highlights view lists them.
  const library = await sift.openExtensionPage('src/library/index.html');
  await library.getByTestId('filter-highlights').selectOption('green');
  await expect(library.getByTestId('clipping')).toHaveCount(1);
  await library.getByTestId('clipping').first().click();
  await expect(library.locator('[data-testid=reader] mark[data-annotation-color=green]')).toHaveText(MOUSE_TEXT);
  await library.getByTestId('highlights-view').click();
  const viewItems = library.getByTestId('hl-view-item');
  await expect(viewItems).toHaveCount(2);
  // Newest first: the keyboard one was made second.
  await expect(viewItems.first()).toContainText('17 nights');
  await library.screenshot({ path: shot('highlights-library-view') });
  await viewItems.nth(1).click();
  await expect(library.locator('[data-testid=reader] mark[data-annotation-color=green]').first()).toBeFocused();

  // Markdown export: ==text== in the body, and a Highlights section with the note, escaped.
  const downloads = await Downloads.start(sift);
  const file = await downloads.take(() => library.getByTestId('export-md').click());
  await downloads.close();
  const md = file.bytes.toString('utf8');
  expect(file.name).toMatch(/\.md$/);
  expect(md).toContain(`==${MOUSE_TEXT}==`);
  expect(md).toMatch(/## Highlights\n\n> The researchers observed Europa for 17 nights/);
  expect(md).toContain('Check the tonnage \\<img src=x onerror=alert(1)>');
  // Markup in a note stays text: every "<" escaped.
  expect(md).not.toMatch(/(^|[^\\])<img/m);

  // The page changes (a paragraph added above, the sentence with the keyboard highlight removed);
  // a re-save keeps both highlights: one re-anchored, one listed as not found.
  site.edit((html) => html
    .replace('<p>Paganini and his colleagues', '<p>Editor\'s note: this story was updated with new figures from the team.</p><p>Paganini and his colleagues')
    .replace(/The researchers observed <a [^>]*><u>Europa<\/u><\/a> for 17 nights, from February 2016 through May 2017\. /, ''));
  await page.reload();
  ({ popup, close } = await sift.clickToolbar(page));
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await expect(popup.getByTestId('article')).toContainText("Editor's note");
  await expect(popup.getByTestId('article')).not.toContainText('17 nights');
  await popup.getByTestId('save').click();
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'saved');
  await expect(popup.getByTestId('hl-toast')).toContainText('1 highlight(s) not found in the new text');
  await expect.poll(() => highlightText(popup, 'green')).toBe(MOUSE_TEXT);
  await popup.getByTestId('side-highlights').click();
  await expect(popup.getByTestId('hl-not-found')).toBeVisible();
  await expect(popup.locator('.hl-lost [data-testid=hl-item]')).toContainText('17 nights');

  // Delete with undo.
  await popup.locator('mark[data-annotation-color=green]').first().click();
  await popup.getByTestId('hl-delete').click();
  await expect(popup.locator('mark[data-annotation-color=green]')).toHaveCount(0);
  await popup.getByTestId('hl-undo').click();
  await expect.poll(() => highlightText(popup, 'green')).toBe(MOUSE_TEXT);
  await expect(popup.getByTestId('hl-toast')).toContainText('Highlight restored');
  await popup.close();
  await close();
  await library.reload();
  await library.getByTestId('clipping').first().click();
  await expect(library.locator('[data-testid=reader] mark[data-annotation-color=green]')).toHaveText(MOUSE_TEXT);
  await expect(library.getByTestId('hl-not-found')).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations with highlights, toolbar, editor and list (${scheme})`, async ({ server }) => {
    test.setTimeout(150_000);
    const sift = await Sift.launch({ colorScheme: scheme });
    try {
      await europa(server);
      const page = await sift.openPage(server.url('/europa.html'));
      const { popup, close } = await sift.clickToolbar(page);
      await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
      await popup.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      await dragSelect(popup, MOUSE_TEXT);
      await expect(popup.getByTestId('hl-toolbar')).toBeVisible();
      found.push(...(await axe(popup, `toolbar ${scheme}`)));
      for (const color of ['yellow', 'green', 'blue', 'pink', 'purple']) {
        await dragSelect(popup, color === 'yellow' ? MOUSE_TEXT : ['sources of energy', 'salty ocean', 'swimming pool', 'powerful radiation belts'][['green', 'blue', 'pink', 'purple'].indexOf(color)]!);
        await popup.getByTestId(`hl-color-${color}`).click({ timeout: 10_000 });
        await expect(popup.locator(`mark[data-annotation-color=${color}]`).first()).toBeAttached();
      }
      await popup.locator('mark[data-annotation-color=pink]').first().click({ timeout: 10_000 });
      await expect(popup.getByTestId('hl-editor')).toBeVisible();
      found.push(...(await axe(popup, `editor ${scheme}`)));
      await popup.getByTestId('hl-close').click({ timeout: 10_000 });
      await popup.getByTestId('side-highlights').click({ timeout: 10_000 });
      found.push(...(await axe(popup, `list ${scheme}`)));
      await popup.screenshot({ path: shot(`highlights-popup-${scheme}`) });
      await popup.close();
      await close();
      const library = await sift.openExtensionPage('src/library/index.html');
      await library.emulateMedia({ colorScheme: scheme });
      await library.getByTestId('clipping').first().click();
      await expect(library.locator('[data-testid=reader] mark[data-annotation-id]').first()).toBeAttached();
      found.push(...(await axe(library, `library reader ${scheme}`)));
      await library.getByTestId('highlights-view').click();
      found.push(...(await axe(library, `library highlights view ${scheme}`)));
      await library.screenshot({ path: shot(`highlights-library-${scheme}`) });
      expect(found).toEqual([]);
    } finally {
      await sift.close();
    }
  });
}
