import type { Page } from '@playwright/test';
import type { DownloadedFile } from '../support/downloads.ts';
import { unzipSync, strFromU8 } from 'fflate';
import type { Monitor } from './monitor.ts';

// Every export Sift offers, and what each kind of file may contain. A new export button (a
// data-testid starting with "export-" or "selected-") that is not listed here fails the security
// test until it is added: one line per button.

export type ExportPlace = 'library-reader' | 'library-selection' | 'options';

export interface ExportKind {
  testid: string;
  place: ExportPlace;
}

export const EXPORTS: ExportKind[] = [
  { testid: 'export-md', place: 'library-reader' },
  { testid: 'export-html', place: 'library-reader' },
  { testid: 'export-json', place: 'library-reader' },
  { testid: 'selected-md', place: 'library-selection' },
  { testid: 'selected-html', place: 'library-selection' },
  { testid: 'selected-json', place: 'library-selection' },
  { testid: 'export-json', place: 'options' },
  { testid: 'export-markdown', place: 'options' },
  { testid: 'export-html', place: 'options' },
];

/** Export buttons on a page that EXPORTS does not know. */
export async function unknownExportButtons(page: Page, place: ExportPlace | 'library'): Promise<string[]> {
  const ids = await page.locator('button[data-testid^="export-"], button[data-testid^="selected-"]').evaluateAll((els) =>
    els.map((e) => (e as HTMLElement).dataset.testid!),
  );
  const known = EXPORTS.filter((e) => (place === 'library' ? e.place.startsWith('library') : e.place === place)).map((e) => e.testid);
  return ids.filter((id) => !known.includes(id));
}

export interface ExportFile {
  name: string;
  text: string;
}

/** The files in a download: itself, or what a zip holds. */
export function filesOf(download: DownloadedFile): ExportFile[] {
  if (!download.name.endsWith('.zip')) return [{ name: download.name, text: download.bytes.toString('utf8') }];
  const entries = unzipSync(new Uint8Array(download.bytes));
  return Object.entries(entries).map(([n, b]) => ({ name: n, text: strFromU8(b) }));
}

/**
 * Markdown must stay Markdown: no raw HTML outside code (Markdown renderers pass it through),
 * no script-capable link targets, images only from the article's server or inline.
 */
export function markdownProblems(text: string, imageOrigin: string): string[] {
  const problems: string[] = [];
  let body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  body = body.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  body = body.replace(/(`+)[\s\S]*?\1/g, '');
  for (const m of body.matchAll(/(?<!\\)<\/?[a-z][a-z0-9-]*(?=[\s/>])|(?<!\\)<[!?][a-z-]/gi)) problems.push(`raw markup ${JSON.stringify(body.slice(m.index, m.index + 60))}`);
  const scheme = (u: string) => u.replace(/^<|>$/g, '').replace(/[\u0000-\u0020]+/g, '').replace(/&#?\w+;?/g, '?');
  for (const m of body.matchAll(/(!?)\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^)\s]*)/g)) {
    const url = scheme(m[2]!);
    if (m[1] === '!') {
      if (!url.startsWith(`${imageOrigin}/`) && !/^data:image\//i.test(url)) problems.push(`image from ${url.slice(0, 80)}`);
    } else if (url && !/^(?:https?:\/\/|#|mailto:)/i.test(url)) problems.push(`link to ${url.slice(0, 80)}`);
  }
  for (const m of body.matchAll(/^\s{0,3}\[[^\]]+\]:\s*(\S+)/gm)) {
    if (!/^(?:https?:\/\/|#)/i.test(scheme(m[1]!))) problems.push(`reference to ${m[1]!.slice(0, 80)}`);
  }
  for (const m of body.matchAll(/<([a-z][a-z0-9+.-]*):[^>\s]*>/gi)) {
    if (!/^(?:https?|mailto)$/i.test(m[1]!)) problems.push(`autolink ${m[0].slice(0, 80)}`);
  }
  return problems;
}

/** A standalone HTML export, opened as a user would open the file: nothing may run or leave. */
export async function htmlProblems(page: Page, monitor: Monitor, file: ExportFile, imageOrigin: string): Promise<string[]> {
  const problems: string[] = [];
  const where = `export ${file.name}`;
  page.removeAllListeners('request');
  page.on('request', (req) => {
    const url = req.url();
    const image = req.resourceType() === 'image' && (url.startsWith(`${imageOrigin}/`) || url.startsWith('data:'));
    if (!image && url !== 'about:blank') monitor.add('request', where, `${req.resourceType()} ${url}`);
  });
  await page.setContent(file.text, { waitUntil: 'load' });
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    const w = window as unknown as { __siftXss?: unknown };
    if (w.__siftXss !== undefined) bad.push(`window.__siftXss = ${String(w.__siftXss)}`);
    for (const el of Array.from(document.querySelectorAll('script, iframe, frame, object, embed, base, form, portal, svg, math, link:not([rel=canonical]), meta[http-equiv]:not([http-equiv="Content-Security-Policy"])'))) {
      bad.push(`element ${el.outerHTML.slice(0, 120)}`);
    }
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        const v = a.value.replace(/[\u0000-\u0020\u00a0]+/g, '');
        if (a.name.startsWith('on') || /^(?:srcset|style|background|poster|ping|action|formaction)$/i.test(a.name)) bad.push(`${el.localName}[${a.name}]`);
        if (/^(?:href|src)$/i.test(a.name) && !/^(?:https?:\/\/|data:image\/)/i.test(v)) bad.push(`${el.localName}[${a.name}=${a.value.slice(0, 60)}]`);
      }
    }
    return { bad, url: location.href };
  });
  problems.push(...found.bad);
  if (found.url !== 'about:blank') problems.push(`navigated to ${found.url}`);
  return problems;
}

export function jsonProblems(file: ExportFile): string[] {
  try {
    const data = JSON.parse(file.text) as { format?: string; clippings?: unknown[] };
    return data.format === 'sift-library' && Array.isArray(data.clippings) ? [] : ['not a Sift library export'];
  } catch (err) {
    return [`not JSON: ${(err as Error).message}`];
  }
}
