import { test, expect } from './support/fixtures.ts';
import { Toolbar } from './support/toolbar.ts';

// Two quick toolbar clicks on two tabs: the popup the user is left with shows the second tab's
// article, never the first's (the popup reads the tab it was opened on), and a later click on the
// first tab shows the first tab's article again.
const SEED = '布林肯与加墨日韩外长通话 加强合作关系';

test('two quick toolbar clicks on two tabs: the popup shows the second tab\'s article, ready with names', async ({ sift, server }) => {
  const a = await sift.openPage(server.url('/seed-article.html'));
  const b = await sift.context.newPage();
  await b.goto(server.url('/article-en.html'));
  const toolbar = await Toolbar.open(sift);
  // Click A, then B at once: A's popup is still reading when B is clicked.
  await toolbar.click(a);
  await toolbar.close();
  const { popup, close } = await sift.clickToolbar(b);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  expect(await popup.getByTestId('title').innerText()).not.toContain('布林肯');
  expect(await popup.getByTestId('article').innerText()).toContain('Europa');
  await close();

  const again = await sift.clickToolbar(a);
  await expect(again.popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  await expect(again.popup.getByTestId('title')).toHaveText(SEED);
  expect(await again.popup.locator('mark[data-entity="布林肯"]').count()).toBeGreaterThan(0);
  await again.close();
});
