import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, shot } from './support/fixtures.ts';
import { Sift } from './support/sift.ts';

// Accessibility of every extension page, in the light and the dark theme ("follow system" with the
// browser set to each scheme): axe-core's WCAG 2.x A/AA rules plus its best practices must find
// nothing, and the popup must work from the keyboard alone.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Violations as readable lines: rule, impact, and the first few offending nodes. */
async function axe(page: Page, label: string): Promise<string[]> {
  // Legacy mode runs in the page itself: the default opens a blank tab to merge frame results,
  // which takes focus and so closes the popup. None of these pages has frames.
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  const lines = violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  console.log(`axe ${label}: ${violations.length} violations${lines.length ? `\n  ${lines.join('\n  ')}` : ''}`);
  return lines;
}

/** Wait until every image has loaded or failed (and so been hidden): screenshots show the settled page. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => Array.from(document.images).every((i) => i.complete))).toBe(true);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the popup, options and library (${scheme})`, async ({ server }) => {
    const sift = await Sift.launch({ colorScheme: scheme });
    try {
      const found: string[] = [];
      const page = await sift.openPage(server.url('/seed-article.html'));
      const { popup, close } = await sift.clickToolbar(page);
      await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
      // Playwright emulates the scheme only in pages it created; the popup came through CDP.
      await popup.emulateMedia({ colorScheme: scheme });
      // "Follow system" is the default theme: the browser's scheme decides.
      expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      found.push(...(await axe(popup, `popup ${scheme}`)));
      await settled(popup);
      await popup.screenshot({ path: shot(`readme-popup-${scheme}`) });
      await popup.getByTestId('display-toggle').click();
      await expect(popup.getByTestId('font-larger')).toBeVisible();
      found.push(...(await axe(popup, `popup menu ${scheme}`)));
      await popup.screenshot({ path: shot(`a11y-popup-menu-${scheme}`) });
      if (scheme === 'light') {
        await popup.getByTestId('theme-sepia').check();
        found.push(...(await axe(popup, 'popup sepia')));
        await popup.getByTestId('theme-system').check();
      }
      await popup.keyboard.press('Escape');
      await popup.getByTestId('save').click();
      await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'saved');
      await popup.close();
      await close();

      const index = await sift.openPage(server.url('/news-index.html'));
      const notArticle = await sift.clickToolbar(index);
      await expect(notArticle.popup.getByTestId('status')).toHaveAttribute('data-state', 'not-article');
      await notArticle.popup.emulateMedia({ colorScheme: scheme });
      found.push(...(await axe(notArticle.popup, `popup not-article ${scheme}`)));
      await notArticle.popup.screenshot({ path: shot(`a11y-popup-not-article-${scheme}`) });
      await notArticle.popup.close();
      await notArticle.close();

      const options = await sift.openExtensionPage('src/options/index.html');
      await expect(options.getByTestId('shortcuts').locator('dt')).toHaveCount(2);
      found.push(...(await axe(options, `options ${scheme}`)));
      await options.screenshot({ path: shot(scheme === 'light' ? 'readme-options' : 'readme-options-dark'), fullPage: true });

      const library = await sift.openExtensionPage('src/library/index.html');
      await expect(library.getByTestId('clipping')).toHaveCount(1);
      await library.getByTestId('clipping').first().click();
      await expect(library.getByTestId('article')).toBeVisible();
      found.push(...(await axe(library, `library ${scheme}`)));
      await settled(library);
      await library.screenshot({ path: shot(scheme === 'light' ? 'readme-library' : 'readme-library-dark') });

      expect(found).toEqual([]);
    } finally {
      await sift.close();
    }
  });
}

test('the popup works from the keyboard alone, with a visible focus ring', async ({ sift, server }) => {
  const page = await sift.openPage(server.url('/seed-article.html'));
  const { popup, close } = await sift.clickToolbar(page);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');

  // Walk the whole tab order once: every control and each highlighted entity is on it.
  const seen: { id: string; outline: string }[] = [];
  for (let i = 0; i < 250; i++) {
    await popup.keyboard.press('Tab');
    const f = await popup.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body) return null;
      const el = active as HTMLElement;
      const entity = el.getAttribute('data-entity');
      let id = el.getAttribute('data-testid') || el.tagName;
      if (el.tagName === 'MARK') id = `mark:${entity}`;
      else if (el.classList.contains('entity')) id = `entity:${entity}`;
      return { id, outline: getComputedStyle(el).outlineStyle };
    });
    if (!f) continue;
    if (seen.some((s) => s.id === f.id)) break;
    seen.push(f);
  }
  const ids = seen.map((s) => s.id);
  for (const id of ['save', 'display-toggle', 'open-in-tab', 'open-library', 'open-options']) expect(ids).toContain(id);
  const names = await popup.locator('[data-testid=article] mark[data-entity]').evaluateAll((ms) => [...new Set(ms.map((m) => m.getAttribute('data-entity')))]);
  expect(names.length).toBeGreaterThan(3);
  for (const name of names) expect(ids, `a tab stop on ${name}'s first mention`).toContain(`mark:${name}`);
  expect(ids.some((id) => id.startsWith('entity:'))).toBe(true);
  for (const s of seen) expect(s.outline, `focus ring on ${s.id}`).not.toBe('none');

  // The "Aa" menu opens with Enter, its buttons work with Space, Escape closes it and returns focus.
  await popup.getByTestId('display-toggle').focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('display-menu')).toHaveAttribute('open', '');
  const before = await popup.getByTestId('font-size-value').innerText();
  await popup.getByTestId('font-larger').focus();
  await popup.keyboard.press('Space');
  await expect(popup.getByTestId('font-size-value')).not.toHaveText(before);
  await popup.getByTestId('theme-dark').focus();
  await popup.keyboard.press('Space');
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
  await popup.keyboard.press('Escape');
  await expect(popup.getByTestId('display-menu')).not.toHaveAttribute('open', '');
  expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('display-toggle');

  // Save from the keyboard.
  await popup.getByTestId('save').focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'saved');
  await close();
});
