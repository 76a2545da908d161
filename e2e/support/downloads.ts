import type { CDPSession } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sift } from './sift.ts';

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
}

interface Pending {
  guid: string;
  name: string;
}

/**
 * The files Chromium itself writes when an extension page downloads something (Playwright's
 * download events do not cover extension pages: its files come out empty). Downloads go to a
 * temporary folder through CDP's Browser.setDownloadBehavior; nothing is injected into the page.
 */
export class Downloads {
  private readonly dir = mkdtempSync(join(tmpdir(), 'sift-downloads-'));
  private readonly begun: Pending[] = [];
  private readonly done = new Map<string, 'completed' | 'canceled'>();

  private constructor(
    private readonly session: CDPSession,
    private readonly closeSession: () => Promise<void>,
  ) {}

  static async start(sift: Sift): Promise<Downloads> {
    const { session, close } = await sift.browserSession();
    const d = new Downloads(session, close);
    session.on('Browser.downloadWillBegin', (e: { guid: string; suggestedFilename: string }) => d.begun.push({ guid: e.guid, name: e.suggestedFilename }));
    session.on('Browser.downloadProgress', (e: { guid: string; state: string }) => {
      if (e.state === 'completed' || e.state === 'canceled') d.done.set(e.guid, e.state);
    });
    await session.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: d.dir, eventsEnabled: true });
    return d;
  }

  /** Run `action` and return the one file it downloads. */
  async take(action: () => Promise<unknown>, timeoutMs = 20_000): Promise<DownloadedFile> {
    const before = this.begun.length;
    await action();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const next = this.begun[before];
      const state = next && this.done.get(next.guid);
      if (next && state === 'completed') return { name: next.name, bytes: readFileSync(join(this.dir, next.guid)) };
      if (next && state === 'canceled') throw new Error(`download of ${next.name} was canceled`);
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(this.begun[before] ? `download of ${this.begun[before]!.name} did not finish` : 'nothing was downloaded');
  }

  async close(): Promise<void> {
    await this.closeSession().catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}
