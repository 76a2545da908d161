import type { CDPSession, Page } from '@playwright/test';
import type { Sift } from './sift.ts';

/**
 * Sift's toolbar button, clicked many times over one CDP connection (Sift.clickToolbar opens two
 * connections per click to hand back the popup as a Playwright page; tests that only need the
 * click, and the activeTab grant it gives, use this). Same CDP call: Extensions.triggerAction.
 */
export class Toolbar {
  private constructor(
    private readonly sift: Sift,
    private readonly session: CDPSession,
    private readonly closeSession: () => Promise<void>,
  ) {}

  static async open(sift: Sift): Promise<Toolbar> {
    const { session, close } = await sift.browserSession();
    return new Toolbar(sift, session, close);
  }

  async click(page: Page): Promise<void> {
    await page.bringToFront();
    const { targetInfos } = (await this.session.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
      targetInfos: { targetId: string; url: string }[];
    };
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`No tab target for ${page.url()}`);
    await this.session.send('Extensions.triggerAction' as never, { id: this.sift.extensionId, targetId: tab.targetId } as never);
  }

  async close(): Promise<void> {
    await this.closeSession().catch(() => {});
  }
}
