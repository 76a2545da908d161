// Tab ids for tests, found by address or by what is new, never by window focus: headless
// Chromium 150 (Debian's, as a user may have it) reports no last-focused window, so
// `tabs.query({ active: true, lastFocusedWindow: true })` returns nothing there.
// Sift has no "tabs" permission: a tab's url is visible only once activeTab was granted for it
// (a toolbar click), so every tab is listed and matched here rather than filtered by url.

/** An extension page or the service worker: anything that can run `chrome.*` for the test. */
type Where = { evaluate(expression: string): Promise<unknown> };

/** The id of the tab showing `url` (without its hash), asked from an extension page or the worker. */
export async function tabIdByUrl(where: Where, url: string): Promise<number> {
  const want = url.replace(/#.*$/, '');
  const id = (await where.evaluate(
    `chrome.tabs.query({}).then((tabs) => tabs.find((t) => (t.url ?? '').replace(/#.*$/, '') === ${JSON.stringify(want)})?.id)`,
  )) as number | undefined;
  if (id === undefined) throw new Error(`No tab shows ${url} (or Sift may not see its address)`);
  return id;
}

/** The id of the one tab `open` adds (for a page whose address Sift may not see, e.g. chrome://). */
export async function newTabId(where: Where, open: () => Promise<unknown>): Promise<number> {
  const ids = () => where.evaluate('chrome.tabs.query({}).then((tabs) => tabs.map((t) => t.id))') as Promise<number[]>;
  const before = new Set(await ids());
  await open();
  const added = (await ids()).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new tab, found ${added.length}`);
  return added[0]!;
}
