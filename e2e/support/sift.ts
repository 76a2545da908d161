import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

export const DIST_CHROME = resolve(import.meta.dirname, '..', '..', 'dist', 'chrome');

export interface LaunchOptions {
  dist?: string;
  /** Chromium UI language, e.g. 'zh-CN'. */
  lang?: string;
  colorScheme?: 'light' | 'dark';
  /** More Chromium switches, e.g. --host-resolver-rules for a recording server (support/recorder.ts). */
  args?: string[];
  /** Another executable in place of Chromium (a wrapper that runs it, e.g. support/small-disk.ts). */
  executablePath?: string;
}

/**
 * Real Chromium with the built extension loaded, as a user has it. The toolbar click is CDP's
 * Extensions.triggerAction (it opens the real popup and grants activeTab, exactly like a click).
 */
export class Sift {
  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    private readonly profile: string,
    private readonly cdpPort: string,
  ) {}

  static async launch(opts: LaunchOptions = {}): Promise<Sift> {
    const dist = opts.dist ?? DIST_CHROME;
    const profile = mkdtempSync(join(tmpdir(), 'sift-e2e-'));
    const args = [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--remote-debugging-port=0',
    ];
    if (opts.lang) args.push(`--lang=${opts.lang}`);
    if (opts.args) args.push(...opts.args);
    // On Linux Chromium takes its UI language (what extensions see) from LANGUAGE, not --lang;
    // the language's .pak must be installed (Debian: chromium-l10n).
    const env = opts.lang ? { ...process.env, LANGUAGE: opts.lang.replace('-', '_') } : undefined;
    const context = await chromium.launchPersistentContext(profile, {
      ...(env ? { env } : {}),
      executablePath: opts.executablePath ?? chromiumPath(),
      headless: true,
      args,
      locale: opts.lang,
      colorScheme: opts.colorScheme ?? 'light',
      viewport: { width: 1280, height: 860 },
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]!;
    return new Sift(context, extensionId, profile, port);
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profile, { recursive: true, force: true });
  }

  extensionUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${path.replace(/^\//, '')}`;
  }

  /** The current service worker (a new one after the old was stopped). */
  async worker(): Promise<Worker> {
    const live = this.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${this.extensionId}/`));
    return live[live.length - 1] ?? (await this.context.waitForEvent('serviceworker'));
  }

  /** A new tab on `url`, brought to the front. */
  async openPage(url: string): Promise<Page> {
    const blank = this.context.pages().find((p) => p.url() === 'about:blank');
    const page = blank ?? (await this.context.newPage());
    await page.goto(url);
    await page.bringToFront();
    return page;
  }

  private async cdp(): Promise<Browser> {
    return chromium.connectOverCDP(`http://127.0.0.1:${this.cdpPort}`);
  }

  /** A browser-level CDP session on its own connection (e.g. support/downloads.ts); `close()` drops it. */
  async browserSession(): Promise<{ session: CDPSession; close: () => Promise<void> }> {
    const browser = await this.cdp();
    return { session: await browser.newBrowserCDPSession(), close: () => browser.close() };
  }

  /**
   * Click Sift's toolbar button for the tab showing `page` and return the popup.
   * Playwright attaches only to pages that exist when it connects, so a fresh CDP connection
   * is made after the popup opened; `close()` drops it.
   */
  async clickToolbar(page: Page): Promise<{ popup: Page; close: () => Promise<void>; clickedAt: number }> {
    await page.bringToFront();
    // Another tab's popup closes when this tab comes to the front, but not at once: until it has
    // gone, the search below could take it for this click's popup (then see it close). Bounded:
    // a popup that stays is left to the search.
    for (let i = 0; i < 60 && (await this.openPopups()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    const trigger = await this.cdp();
    const popupUrl = this.extensionUrl('src/popup/index.html');
    // Popups open before this click (another tab's, still closing): never taken for this one.
    const stale = new Set<string>();
    // When the click was sent, on the wall clock pages share (performance.timeOrigin + now()),
    // so a benchmark can time the popup from the click (bench/popup.ts).
    let clickedAt = 0;
    try {
      const session = await trigger.newBrowserCDPSession();
      const { targetInfos: before } = (await session.send('Target.getTargets' as never)) as { targetInfos: { targetId: string; url: string }[] };
      for (const t of before) if (t.url.startsWith(popupUrl)) stale.add(t.targetId);
      const { targetInfos } = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
        targetInfos: { targetId: string; url: string }[];
      };
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`No tab target for ${page.url()}`);
      clickedAt = performance.timeOrigin + performance.now();
      await session.send('Extensions.triggerAction' as never, { id: this.extensionId, targetId: tab.targetId } as never);
    } finally {
      await trigger.close();
    }
    for (let i = 0; i < 100; i++) {
      if ((await this.openPopups()) > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const watcher = await this.cdp();
    const targetOf = async (p: Page): Promise<string | null> => {
      try {
        const s = await p.context().newCDPSession(p);
        const { targetInfo } = (await s.send('Target.getTargetInfo' as never)) as { targetInfo: { targetId: string } };
        await s.detach().catch(() => {});
        return targetInfo.targetId;
      } catch {
        return null; // closed while asked
      }
    };
    for (let i = 0; i < 100; i++) {
      for (const popup of watcher.contexts().flatMap((c) => c.pages())) {
        if (!popup.url().startsWith(popupUrl) || popup.isClosed()) continue;
        const id = await targetOf(popup);
        if (id && !stale.has(id)) return { popup, close: () => watcher.close(), clickedAt };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await watcher.close();
    throw new Error('The popup did not open');
  }

  /** How many popups of the extension are open, as its service worker sees them. */
  private async openPopups(): Promise<number> {
    const w = await this.worker();
    return w.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<unknown[]> } } }).chrome;
      return (await c.runtime.getContexts({ contextTypes: ['POPUP'] })).length;
    });
  }

  /** An extension page (library, options) in a normal tab. */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.extensionUrl(path));
    return page;
  }

  /** Stop the service worker, as Chromium does after 30 s idle (which never happens under Playwright). */
  async stopWorker(): Promise<void> {
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    const session = await this.context.newCDPSession(page);
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await session.detach();
  }
}
