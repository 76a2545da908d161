import { test, expect, shot } from './support/fixtures.ts';

// "Tags on the page" in the real popup: the page's own topics (keywords meta, the article's tag
// links, JSON-LD keywords) that are not names in the article are listed apart from the names,
// with no count and no highlight; a tag that is a name is in the names list, counted; site menus
// and one-letter keyword splits are neither.
test('page tags that are not names are shown apart, never as names or highlights', async ({ sift, server }) => {
  const page = await sift.openPage(server.url('/tagged-article.html'));
  const { popup, close } = await sift.clickToolbar(page);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  const body = popup.getByTestId('article');
  const panel = popup.getByTestId('entities');
  const tags = panel.getByTestId('page-tags');

  await expect(tags).toBeVisible();
  await expect(tags.locator('h2')).toHaveText('Tags on the page');
  expect(await tags.locator('li').allInnerTexts()).toEqual(['Eurozone', 'Fiscal policy', 'economy', 'budget rules', 'public debt']);
  // Plain text: nothing to press, no count.
  await expect(tags.locator('button, .count')).toHaveCount(0);

  // A tag that is a name in the text is a name, with its mentions, highlighted.
  await expect(panel.locator('section[data-entity-type="person"] [data-entity="Angela Merkel"] .count')).toHaveText('2');
  expect(await body.locator('mark[data-entity="Angela Merkel"]').count()).toBeGreaterThan(0);
  // The tags apart are neither listed as names nor highlighted; menus and split words are nowhere.
  for (const t of ['Eurozone', 'Fiscal policy', 'economy', 'budget rules', 'public debt', 'Politics', 'Sport', 'Weather', 'от']) {
    await expect(panel.locator(`.entity[data-entity="${t}"]`), t).toHaveCount(0);
    await expect(body.locator(`mark[data-entity="${t}"]`), t).toHaveCount(0);
  }
  for (const t of ['Politics', 'Sport', 'Weather', 'от']) await expect(tags.getByText(t, { exact: true }), t).toHaveCount(0);
  await popup.screenshot({ path: shot('page-tags') });

  // Saved, the page's tags come along and the library's clipping view shows them apart from the
  // reader's own tags field, as text, never as highlights in the article.
  await popup.getByTestId('save').click();
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'saved');
  await close();
  const library = await sift.openExtensionPage('src/library/index.html');
  await library.getByTestId('clipping').first().click();
  const saved = library.getByTestId('page-tags');
  await expect(saved).toBeVisible();
  await expect(saved.locator('h2')).toHaveText('Tags on the page');
  expect(await saved.locator('li').allInnerTexts()).toEqual(['Eurozone', 'Fiscal policy', 'economy', 'budget rules', 'public debt']);
  await expect(library.getByTestId('tags')).toHaveValue('');
  await expect(library.getByTestId('reader').locator('mark[data-entity="Eurozone"]')).toHaveCount(0);
  await library.screenshot({ path: shot('library-page-tags') });
});
