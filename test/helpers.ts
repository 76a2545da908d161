import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';

export const ROOT = resolve(import.meta.dirname, '..');

export function readPage(rel: string): string {
  return readFileSync(resolve(ROOT, rel), 'utf8');
}

export function parse(html: string, url = 'https://example.org/article.html'): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

export const SEED_URL = 'https://github.com/gfw-breaker/banned-news/blob/master/pages/nsc412/n12715693.md';
export function seedDoc(): Document {
  return parse(readPage('e2e/pages/seed-article.html'), SEED_URL);
}
