// The browser's own share of "click -> popup": a control extension whose popup is an empty page
// (no script, no style), clicked the same way (CDP Extensions.triggerAction) on the same kind of
// page. Click -> that popup's document start is what any extension pays before its first line of
// code can run; bench:popup reports it beside Sift's figures.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sift } from '../../e2e/support/sift.ts';

function controlExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sift-popup-floor-'));
  mkdirSync(join(dir, 'src/popup'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Empty popup', version: '1.0',
    action: { default_popup: 'src/popup/index.html' },
    background: { service_worker: 'sw.js' },
  }));
  writeFileSync(join(dir, 'sw.js'), '// The harness finds the extension through its worker.\n');
  writeFileSync(join(dir, 'src/popup/index.html'), '<!doctype html><meta charset="utf-8"><title>Empty</title><p>Empty popup</p>');
  return dir;
}

/** Click -> document start of an empty extension popup, once on each of `urls` (after one warm-up). */
export async function popupFloor(urls: string[], args: string[] = []): Promise<number[]> {
  const dist = controlExtension();
  const sift = await Sift.launch({ dist, args });
  const out: number[] = [];
  try {
    const tab = await sift.openPage('about:blank');
    for (let i = 0; i <= urls.length; i++) {
      await tab.goto(urls[Math.max(0, i - 1)]!, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      const { popup, close, clickedAt } = await sift.clickToolbar(tab);
      const origin = (await popup.evaluate(() => performance.timeOrigin)) as number;
      // Closed before the next click, as bench:popup does (a click on an open popup closes it).
      await popup.close();
      await close();
      if (i > 0) out.push(origin - clickedAt); // the first click starts the worker: not counted
    }
  } finally {
    await sift.close();
    rmSync(dist, { recursive: true, force: true });
  }
  return out;
}

/** The same control for Firefox: an empty popup, plus a blank page that hosts the stand-in button. */
function controlExtensionFirefox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sift-popup-floor-ff-'));
  mkdirSync(join(dir, 'src/popup'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Empty popup', version: '1.0',
    action: { default_popup: 'src/popup/index.html' },
    background: { scripts: ['bg.js'] },
    browser_specific_settings: { gecko: { id: FLOOR_GECKO_ID } },
  }));
  writeFileSync(join(dir, 'bg.js'), '// An event page, as Sift has.\n');
  writeFileSync(join(dir, 'driver.html'), '<!doctype html><meta charset="utf-8"><title>Driver</title>');
  writeFileSync(join(dir, 'src/popup/index.html'), '<!doctype html><meta charset="utf-8"><title>Empty</title><p>Empty popup</p>');
  return dir;
}

export const FLOOR_GECKO_ID = 'popup-floor@sift.test';

/** Click -> document start of an empty extension popup in Firefox (e2e-firefox's real-click path). */
export async function popupFloorFirefox(urls: string[], prefs: Record<string, string | number | boolean>): Promise<number[]> {
  const { FirefoxSift } = await import('../../e2e-firefox/support/firefox.ts');
  const dist = controlExtensionFirefox();
  const ff = await FirefoxSift.launch({ dist, prefs, geckoId: FLOOR_GECKO_ID, driverPath: 'driver.html' });
  const out: number[] = [];
  try {
    const tab = await ff.openPage('about:blank');
    for (let i = 0; i <= urls.length; i++) {
      await ff.goto(tab, urls[Math.max(0, i - 1)]!).catch(() => undefined);
      const popup = await ff.clickToolbar(tab);
      const origin = await popup.eval<number>('return w.performance.timeOrigin;');
      await popup.close();
      if (i > 0) out.push(origin - popup.clickedAt); // the first click warms up: not counted
    }
  } finally {
    await ff.close();
    rmSync(dist, { recursive: true, force: true });
  }
  return out;
}
