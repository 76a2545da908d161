import { test, expect } from './support/fixtures.ts';
import { Toolbar } from './support/toolbar.ts';

// The click starts the reading (src/background/action-click.ts): the popup claims the reading of
// its own tab only. Two quick clicks on two tabs: the second popup shows the second tab's article.
test('two quick toolbar clicks on two tabs: each popup shows its own tab\'s article, ready with names', async ({ sift, server }) => {
  const a = await sift.openPage(server.url('/seed-article.html'));
  const b = await sift.context.newPage();
  await b.goto(server.url('/article-en.html'));
  const toolbar = await Toolbar.open(sift);
  // Click A, then B at once: A's reading is still in flight when B's popup opens.
  await toolbar.click(a);
  await toolbar.close();
  const { popup, close } = await sift.clickToolbar(b);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  const title = await popup.getByTestId('title').innerText();
  expect(title).not.toContain('布林肯');
  expect(await popup.getByTestId('article').innerText()).toContain('Europa');
  expect(new URL(popup.url()).searchParams.get('tabId')).toMatch(/^\d+$/);
  await close();

  // Back on A: a new click gives A's article, not B's and not a stale one.
  const again = await sift.clickToolbar(a);
  await expect(again.popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await expect(again.popup.getByTestId('title')).toHaveText('布林肯与加墨日韩外长通话 加强合作关系');
  expect(await again.popup.locator('mark[data-entity="布林肯"]').count()).toBeGreaterThan(0);
  await again.close();
});
