import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Sift in real Firefox (Debian's firefox-esr), driven over WebDriver BiDi by puppeteer-core
// (Playwright's own Firefox cannot be installed here; see ../shared/TOOLCHAIN.md). The built
// dist/firefox is installed as a temporary add-on, as a developer loads it from about:debugging.
//
// Firefox differs from Chromium in ways the harness must work around, none of them in Sift:
// - BiDi may navigate only to http(s)/file/about:blank unless Firefox runs with
//   --remote-allow-system-access (Firefox 150+ refuses moz-extension:// otherwise), and even then
//   goto() never resolves for an extension page (the agent loses the process switch): poll.
// - The toolbar popup is not a BiDi browsing context. A real BiDi click on a button in an
//   extension tab whose handler calls action.openPopup() counts as user input: Firefox opens the
//   real popup and grants activeTab for the selected tab, as a toolbar click does. The popup's
//   DOM is reached from an extension tab with extension.getViews({ type: 'popup' }).
// - Extension pages' console and uncaught errors go to Firefox's stdout
//   (devtools.console.stdout.content), not to BiDi's log events.

export const DIST_FIREFOX = resolve(import.meta.dirname, '..', '..', 'dist', 'firefox');
export const GECKO_ID = 'sift@sift-reader.org';
/** The moz-extension host, pinned (Firefox picks a random one per install otherwise). */
export const UUID = '5a1f0000-0000-4000-8000-000000000001';
export const EXT = `moz-extension://${UUID}`;

/** console.error lines Firefox's own components print to stdout (remote settings), not Sift's. */
const FIREFOX_OWN = /^console\.error: (?:RSLoader|RemoteSettings|Sync|services\.)/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Debian's firefox-esr; FIREFOX_PATH overrides. */
export function firefoxPath(): string {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error("No Firefox found: install Debian's firefox-esr (npm test does this as root) or set FIREFOX_PATH.");
  return found;
}

export interface FirefoxOptions {
  /** Extra Firefox prefs (e.g. a proxy to a recording server). */
  prefs?: Record<string, string | number | boolean>;
  dist?: string;
  /** Another extension in place of Sift (bench/lib/popup-floor.ts's empty popup): its gecko id. */
  geckoId?: string;
  /** Its page that hosts the stand-in toolbar button. */
  driverPath?: string;
}

export class FirefoxSift {
  /** Firefox's stdout/stderr lines: extension pages' console output and uncaught errors. */
  readonly log: string[] = [];
  private driverPage: Page | null = null;

  private constructor(
    readonly browser: Browser,
    readonly downloads: string,
    /** moz-extension://<uuid> of the extension under test. */
    readonly base: string,
    private readonly driverPath: string,
  ) {}

  static async launch(opts: FirefoxOptions = {}): Promise<FirefoxSift> {
    const downloads = mkdtempSync(join(tmpdir(), 'sift-ff-dl-'));
    const geckoId = opts.geckoId ?? GECKO_ID;
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 860 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }),
        'devtools.console.stdout.content': true,
        'intl.locale.requested': 'en-US',
        // Exports are plain <a download> clicks: save them without asking.
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        ...opts.prefs,
      },
    });
    const sift = new FirefoxSift(browser, downloads, EXT, opts.driverPath ?? 'src/library/index.html');
    for (const s of [browser.process()?.stdout, browser.process()?.stderr]) s?.on('data', (d) => sift.log.push(...String(d).split('\n')));
    const id = await browser.installExtension(opts.dist ?? DIST_FIREFOX);
    if (id !== geckoId) throw new Error(`installed ${id}, expected ${geckoId}`);
    return sift;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
    rmSync(this.downloads, { recursive: true, force: true });
  }

  extensionUrl(path: string): string {
    return `${this.base}/${path.replace(/^\//, '')}`;
  }

  /** An extension page in a new tab (polled: goto() never resolves for moz-extension://). */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.browser.newPage();
    await this.goExtension(page, path);
    return page;
  }

  async goExtension(page: Page, path: string): Promise<void> {
    const url = this.extensionUrl(path);
    page.goto(url).catch(() => {});
    for (let i = 0; i < 600; i++, await sleep(25)) {
      const now = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
      if (now === `${url} complete`) return;
    }
    throw new Error(`${url} did not load`);
  }

  /**
   * A web page in `page`, loaded. On a loaded 2-core machine BiDi's navigate now and then fails
   * with a protocol error though the page loads: check where the tab is, and try again if not there.
   */
  async goto(page: Page, url: string): Promise<void> {
    let last: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        return;
      } catch (err) {
        last = err;
        const there = await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => '');
        if (there === url) return;
      }
    }
    throw last;
  }

  /** A browser page (about:…): BiDi reports no load for those, so poll as for extension pages. */
  private async goPrivileged(page: Page, url: string): Promise<void> {
    page.goto(url).catch(() => {});
    for (let i = 0; i < 400; i++, await sleep(25)) {
      if ((await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => '')) === url) return;
    }
    throw new Error(`${url} did not load`);
  }

  /** Reload an extension page (polled, as its first load). */
  async reload(page: Page): Promise<void> {
    await page.evaluate(() => {
      (window as unknown as { __e2eOld: boolean }).__e2eOld = true;
      location.reload();
    });
    for (let i = 0; i < 600; i++, await sleep(25)) {
      const fresh = await page.evaluate(() => !(window as unknown as { __e2eOld?: boolean }).__e2eOld && document.readyState === 'complete').catch(() => false);
      if (fresh) return;
    }
    throw new Error('the page did not reload');
  }

  /** A web page in a new tab, selected. */
  async openPage(url: string): Promise<Page> {
    const page = await this.browser.newPage();
    if (/^https?:/.test(url)) await this.goto(page, url);
    else await this.goPrivileged(page, url);
    await page.bringToFront();
    return page;
  }

  /**
   * An extension tab the harness keeps for itself: it holds the stand-in toolbar button, reads
   * the popup's DOM, and calls extension APIs (as the Chromium tests do from the worker).
   */
  async driver(): Promise<Page> {
    if (this.driverPage && !this.driverPage.isClosed()) return this.driverPage;
    const page = await this.openExtensionPage(this.driverPath);
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'e2e-toolbar';
      b.textContent = 'toolbar';
      b.style.cssText = 'position:fixed;top:0;left:0;width:90px;height:40px;z-index:2147483647';
      b.onclick = () => {
        // When the click reached the browser, on the wall clock pages share (bench/popup.ts).
        (window as unknown as { __clickedAt: number }).__clickedAt = performance.timeOrigin + performance.now();
        void (globalThis as unknown as { browser: { action: { openPopup(): Promise<void> } } }).browser.action.openPopup();
      };
      document.body.append(b);
    });
    this.driverPage = page;
    return page;
  }

  /** Evaluate an expression in the extension (the driver tab): `browser` is the WebExtension API. */
  async ext<T>(expression: string): Promise<T> {
    const d = await this.driver();
    return d.evaluate(`(async () => (${expression}))()`) as Promise<T>;
  }

  /** Send one of Sift's messages from an extension page, as its own pages do. */
  async message<T = unknown>(name: string, req: unknown): Promise<T> {
    const reply = await this.ext<{ ok: boolean; value?: T; error?: unknown }>(
      `browser.runtime.sendMessage(${JSON.stringify({ sift: 1, name, req })})`,
    );
    if (!reply?.ok) throw new Error(`${name}: ${JSON.stringify(reply?.error)}`);
    return reply.value as T;
  }

  /**
   * Call a function the background page keeps on its global (src/background/index.ts test
   * hooks). Firefox's background is an event page: getBackgroundPage() wakes it if asleep.
   */
  async background<T>(fn: string, ...args: unknown[]): Promise<T> {
    return this.ext<T>(`browser.runtime.getBackgroundPage().then((bg) => bg[${JSON.stringify(fn)}](...${JSON.stringify(args)}))`);
  }

  /**
   * The id of the tab showing `url`, found by address, never by window focus. Firefox filters
   * tabs.query by url only with the "tabs" permission, which Sift does not ask for: every tab is
   * listed and matched here (a tab's url is visible once Sift's button was clicked on it).
   */
  async tabId(url: string): Promise<number> {
    const want = url.replace(/#.*$/, '');
    const id = await this.ext<number | undefined>(`browser.tabs.query({}).then((t) => t.find((x) => x.url?.replace(/#.*$/, '') === ${JSON.stringify(want)})?.id)`);
    if (id === undefined) throw new Error(`no tab shows ${url}`);
    return id;
  }

  /**
   * Sift's toolbar button for the tab showing `page`: that tab is selected, then a real click
   * (BiDi input) on the driver's button calls action.openPopup(). Returns the open popup.
   */
  async clickToolbar(page: Page): Promise<Popup> {
    const d = await this.driver();
    await d.evaluate(() => {
      for (const w of (globalThis as unknown as { browser: { extension: { getViews(f: object): Window[] } } }).browser.extension.getViews({ type: 'popup' })) w.close();
    });
    await page.bringToFront();
    await d.click('#e2e-toolbar');
    const clickedAt = (await d.evaluate(() => (window as unknown as { __clickedAt: number }).__clickedAt)) as number;
    const popup = new Popup(d, clickedAt);
    for (let i = 0; i < 400; i++, await sleep(25)) if (await popup.isOpen()) return popup;
    throw new Error('The popup did not open');
  }

  /** Extension errors Firefox printed since `from` (an index into `log`). */
  extensionErrors(from = 0): string[] {
    return this.log.slice(from).filter((l) => /JavaScript error: moz-extension|^console\.error/.test(l) && !FIREFOX_OWN.test(l));
  }
}

/** The toolbar popup, read and driven from the driver tab (its clicks are DOM clicks). */
export class Popup {
  constructor(
    private readonly driver: Page,
    /** When the click's handler ran in the browser, on the wall clock pages share (timeOrigin + now). */
    readonly clickedAt: number,
  ) {}

  /** Evaluate `body` with `d` bound to the popup's document (null when it is closed). */
  eval<T>(body: string): Promise<T> {
    return this.driver.evaluate(`(() => { const w = browser.extension.getViews({ type: 'popup' })[0]; const d = w?.document ?? null; ${body} })()`) as Promise<T>;
  }

  /** The popup exists and its document has been parsed. */
  isOpen(): Promise<boolean> {
    return this.eval<boolean>(`return !!d && d.readyState !== 'loading' && !!d.body;`);
  }

  state(): Promise<string> {
    return this.eval<string>(`return d?.querySelector('[data-testid=status]')?.dataset.state ?? '';`);
  }

  /** Wait for the status to match `want`; throws with the status text when it does not. */
  async waitState(want: RegExp | string, timeout = 30_000): Promise<string> {
    const re = typeof want === 'string' ? new RegExp(`^${want}$`) : want;
    let s = '';
    for (const end = Date.now() + timeout; Date.now() < end; await sleep(25)) {
      s = await this.state();
      if (re.test(s)) return s;
    }
    throw new Error(`popup state ${s} (${await this.text('[data-testid=status]')}), wanted ${re}`);
  }

  text(selector: string): Promise<string> {
    return this.eval<string>(`return d?.querySelector(${JSON.stringify(selector)})?.innerText ?? '';`);
  }

  count(selector: string): Promise<number> {
    return this.eval<number>(`return d?.querySelectorAll(${JSON.stringify(selector)}).length ?? 0;`);
  }

  attr(selector: string, name: string): Promise<string | null> {
    return this.eval<string | null>(`return d?.querySelector(${JSON.stringify(selector)})?.getAttribute(${JSON.stringify(name)}) ?? null;`);
  }

  async click(selector: string): Promise<void> {
    const ok = await this.eval<boolean>(`const el = d?.querySelector(${JSON.stringify(selector)}); if (!el) return false; el.click(); return true;`);
    if (!ok) throw new Error(`no ${selector} in the popup`);
  }

  /** Performance marks of the popup (src/popup/paint.ts), as absolute times (timeOrigin + startTime). */
  marks(): Promise<Record<string, { at: number; detail: unknown }>> {
    return this.eval(`if (!d) return {}; const p = d.defaultView.performance; const out = {};
      for (const m of p.getEntriesByType('mark')) if (!out[m.name]) out[m.name] = { at: p.timeOrigin + m.startTime, detail: m.detail ?? null };
      out['document'] = { at: p.timeOrigin, detail: null }; return out;`);
  }

  close(): Promise<void> {
    return this.eval<void>(`w?.close();`);
  }
}
