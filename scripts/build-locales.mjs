// Merge locales/<lang>/<area>.json into public/_locales/<lang>/messages.json (the format browsers
// read). Areas keep each part of the UI in its own file; a key defined twice, or a locale missing
// a key that English has, stops the build.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'locales');
const langs = readdirSync(src).sort();
const merged = {};
for (const lang of langs) {
  const out = {};
  for (const file of readdirSync(join(src, lang)).filter((f) => f.endsWith('.json')).sort()) {
    const part = JSON.parse(readFileSync(join(src, lang, file), 'utf8'));
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`locales/${lang}: "${key}" is defined twice (${file})`);
      out[key] = value;
    }
  }
  merged[lang] = out;
}
const en = merged.en;
const problems = [];
for (const lang of langs) {
  for (const key of Object.keys(en)) if (!(key in merged[lang])) problems.push(`${lang} lacks "${key}"`);
  for (const key of Object.keys(merged[lang])) if (!(key in en)) problems.push(`${lang} has "${key}", which en lacks`);
}
if (problems.length) throw new Error(`Locales out of step:\n  ${problems.join('\n  ')}`);
for (const lang of langs) {
  mkdirSync(join(root, 'public', '_locales', lang), { recursive: true });
  writeFileSync(join(root, 'public', '_locales', lang, 'messages.json'), `${JSON.stringify(merged[lang], null, 2)}\n`);
}
