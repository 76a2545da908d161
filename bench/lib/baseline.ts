// Plain Readability as ../shared/bench/README.md defines it: new Readability(doc).parse().textContent
// on a jsdom Document, with no options. Its results only depend on the page and the Readability
// version, so they are cached in .bench-cache/ (delete the folder or pass --no-cache to redo them).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';

const VERSION = '@mozilla/readability@0.6.0';
const CACHE = resolve(import.meta.dirname, '../../.bench-cache');

export function plainReadability(doc: Document): string {
  return new Readability(doc).parse()?.textContent ?? '';
}

export class BaselineCache {
  private readonly file: string;
  private readonly data: Record<string, string>;
  private dirty = false;

  constructor(datasetDir: string, enabled: boolean) {
    const key = createHash('sha256').update(`${VERSION}\n${resolve(datasetDir)}`).digest('hex').slice(0, 16);
    this.file = join(CACHE, `readability-${key}.json`);
    this.data = enabled && existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>) : {};
  }

  get(id: string): string | undefined {
    return this.data[id];
  }

  /** Plain Readability's text of a page, from the cache or parsed now ('' when it throws). */
  textOf(id: string, doc: Document): string {
    let text = this.get(id);
    if (text === undefined) {
      try {
        text = plainReadability(doc.cloneNode(true) as Document);
      } catch {
        text = '';
      }
      this.set(id, text);
    }
    return text;
  }

  set(id: string, text: string): void {
    this.data[id] = text;
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.data));
  }
}
