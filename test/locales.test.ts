import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

// Every UI string lives in locales/<lang>/<area>.json (merged into _locales at build). These
// checks keep the locales complete and in step with the code: a key used anywhere in src (t(),
// getMessage(), data-i18n attributes, __MSG_x__) must exist, and every locale must have every key.

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const LOCALES = join(ROOT, 'locales');
const langs = readdirSync(LOCALES).filter((d) => statSync(join(LOCALES, d)).isDirectory()).sort();

function load(lang: string): { merged: Messages; dupes: string[] } {
  const merged: Messages = {};
  const dupes: string[] = [];
  for (const file of readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.json')).sort()) {
    const part = JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Messages;
    for (const [k, v] of Object.entries(part)) {
      if (k in merged) dupes.push(`${lang}/${file}: ${k}`);
      merged[k] = v;
    }
  }
  return { merged, dupes };
}

const byLang = Object.fromEntries(langs.map((l) => [l, load(l)]));
const en = byLang.en!.merged;

function files(dir: string, exts: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return files(p, exts);
    return exts.test(d.name) ? [p] : [];
  });
}

/** Every message key the code refers to by a literal, with where it was found. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [
    /\bt\(\s*['"`]([A-Za-z0-9_@]+)['"`]/g,
    /getMessage\(\s*['"`]([A-Za-z0-9_@]+)['"`]/g,
    /\bdata-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g,
    /__MSG_([A-Za-z0-9_@]+)__/g,
  ];
  const sources = [...files(join(ROOT, 'src'), /\.(ts|html)$/), join(ROOT, 'manifest.json')];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) {
      for (const m of text.matchAll(re)) {
        if (!m[1]!.startsWith('@@') && !used.has(m[1]!)) used.set(m[1]!, relative(ROOT, file));
      }
    }
  }
  return used;
}

describe('locales', () => {
  it('has English and Simplified Chinese at least, with no key defined twice', () => {
    expect(langs).toEqual(expect.arrayContaining(['en', 'zh_CN']));
    for (const l of langs) expect(byLang[l]!.dupes, l).toEqual([]);
  });

  it('gives every locale exactly the keys English has', () => {
    for (const l of langs) {
      const keys = Object.keys(byLang[l]!.merged);
      expect(Object.keys(en).filter((k) => !keys.includes(k)), `${l} lacks`).toEqual([]);
      expect(keys.filter((k) => !(k in en)), `${l} has extra`).toEqual([]);
    }
  });

  it('has a non-empty message for every key, and declares every $PLACEHOLDER$ it uses', () => {
    for (const l of langs) {
      for (const [k, v] of Object.entries(byLang[l]!.merged)) {
        expect(typeof v.message === 'string' && v.message.trim().length > 0, `${l}.${k} is empty`).toBe(true);
        const names = [...v.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
        const declared = Object.keys(v.placeholders ?? {}).map((n) => n.toLowerCase());
        expect(names.filter((n) => !declared.includes(n)), `${l}.${k} undeclared placeholders`).toEqual([]);
        // The same placeholders as English, so no substitution is lost in translation.
        const enNames = Object.keys(en[k]?.placeholders ?? {}).map((n) => n.toLowerCase()).sort();
        expect(declared.sort(), `${l}.${k} placeholders`).toEqual(enNames);
      }
    }
  });

  it('translates Chinese for real: a message with English words has Chinese text in zh_CN', () => {
    // Names and formats stay as they are in any language.
    const keep = /\b(Sift|JSON|Markdown|HTML|URL|URLs|Firefox|Chrome|Chromium|px|English|PDF|CSV|ID)\b/g;
    const untranslated = Object.entries(en)
      .filter(([, v]) => (v.message.replace(/\$[A-Za-z0-9_]+\$/g, '').replace(keep, '').match(/[A-Za-z]{2,}/g) ?? []).length >= 2)
      .filter(([k]) => !/\p{Script=Han}/u.test(byLang.zh_CN!.merged[k]?.message ?? ''))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('defines every key the code uses (t(), getMessage(), data-i18n*, __MSG_x__)', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([k]) => !(k in en)).map(([k, file]) => `${k} (${file})`);
    expect(missing).toEqual([]);
  });
});
