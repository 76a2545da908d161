import { test, expect, shot } from './support/fixtures.ts';

// Entity tags in the real popup on the seed page: typed highlights, the panel grouped by type,
// choosing an entity marks its mentions, and a type toggle hides and shows its highlights.
const PEOPLE = ['布林肯', '马克‧加诺', '马塞洛‧埃布拉德', '康京和', '茂木敏充', '拜登', '蓬佩奥'];
const PLACES = ['加拿大', '墨西哥', '日本', '韩国'];
const ORGS = ['美国国务院', '参议院', '国会'];

test('seed page: typed highlights, the entity panel, marking an entity and toggling a type', async ({ sift, server }) => {
  const page = await sift.openPage(server.url('/seed-article.html'));
  const { popup, close } = await sift.clickToolbar(page);
  await expect(popup.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  const body = popup.getByTestId('article');
  const panel = popup.getByTestId('entities');

  const expectType = async (names: string[], type: string) => {
    for (const name of names) {
      const marks = body.locator(`mark[data-entity="${name}"]`);
      expect(await marks.count(), `highlights of ${name}`).toBeGreaterThan(0);
      await expect(marks.first(), name).toHaveAttribute('data-entity-type', type);
      await expect(panel.locator(`section[data-entity-type="${type}"] [data-entity="${name}"]`), `${name} listed as ${type}`).toHaveCount(1);
    }
  };
  await expectType(PEOPLE, 'person');
  await expectType(PLACES, 'place');
  await expectType(ORGS, 'organization');

  // Aliases are highlighted under the canonical name: his Latin name and his full Chinese name.
  const blinken = body.locator('mark[data-entity="布林肯"]');
  const forms = (await blinken.allInnerTexts()).map((s) => s.replace(/\s+/g, ''));
  expect(forms).toContain('AntonyBlinken');
  expect(forms.some((f) => f.startsWith('安东尼'))).toBe(true);

  // Most mentioned first within a group.
  const counts = (await panel.locator('section[data-entity-type="person"] .count').allInnerTexts()).map(Number);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await expect(panel.locator('section[data-entity-type="person"] .entity').first()).toHaveAttribute('data-entity', '布林肯');

  // Choosing an entity marks all of its mentions, and only those.
  await panel.locator('[data-entity="布林肯"]').click();
  const active = body.locator('mark.active');
  await expect(active).toHaveCount(await blinken.count());
  expect(new Set(await active.evaluateAll((ms) => ms.map((m) => m.getAttribute('data-entity'))))).toEqual(new Set(['布林肯']));
  await popup.screenshot({ path: shot('entities-panel') });

  // Toggling a type off removes its highlights and its group; on again brings them back.
  const placeToggle = panel.getByTestId('entity-toggle-place');
  await expect(placeToggle).toBeChecked();
  await placeToggle.uncheck();
  await expect(body.locator('mark[data-entity-type="place"]')).toHaveCount(0);
  await expect(panel.locator('section[data-entity-type="place"]')).toHaveCount(0);
  expect(await body.locator('mark[data-entity-type="person"]').count()).toBeGreaterThan(0);
  await popup.screenshot({ path: shot('entities-panel-places-off') });
  await panel.getByTestId('entity-toggle-place').check();
  await expect(body.locator('mark[data-entity="加拿大"]').first()).toHaveAttribute('data-entity-type', 'place');
  await expect(panel.locator('section[data-entity-type="place"] [data-entity="加拿大"]')).toHaveCount(1);
  await close();
});
