#!/usr/bin/env node
// npm run lint:firefox: `web-ext lint` (addons-linter) on dist/firefox, failing on any error and on
// any warning from Sift's own code.
//
// Why not --warnings-as-errors: the bundles contain three `innerHTML =` assignments that are not
// ours and that we cannot remove without patching the libraries, one in DOMPurify (its fallback
// parser for documents DOMParser cannot make) and two in Readability (restoring a page between
// its retries, and unwrapping <noscript> images). Both run on inert documents: DOMPurify on its
// own template document, Readability on the content script's clone of the page. Each allowed
// warning below is pinned to its file, its code, and text that exists only in that library's
// source (property names survive minification), and to a count: a new warning anywhere else,
// or one more of the same kind, fails the build. Our own code is held to stricter rules by
// ESLint (eslint.config.js: no innerHTML, insertAdjacentHTML, document.write, DOMParser...).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(process.env.SIFT_LINT_DIR ?? resolve(ROOT, 'dist', 'firefox'));
const WINDOW = 400;

const LIBRARY_WARNINGS = [
  {
    library: 'dompurify',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /\.js$/,
    // _initDocument: `doc = implementation.createDocument(NAMESPACE, 'template', null); doc.documentElement.innerHTML = ...`
    fingerprints: ['createDocument(', '`template`', 'parseFromString('],
    max: 1,
  },
  {
    library: '@mozilla/readability',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // The content script's copy, and the background page's cleaner of fetched pages (capture).
    file: /^src\/(?:content\/index|offscreen\/firefox)\.js$/,
    // _grabArticle: `page.innerHTML = pageCacheHtml; this._attempts.push(...)`
    fingerprints: ['_attempts.push', 'FLAG_STRIP_UNLIKELYS'],
    max: 2,
  },
  {
    library: '@mozilla/readability',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^src\/(?:content\/index|offscreen\/firefox)\.js$/,
    // _unwrapNoscriptImages: `tmp.innerHTML = noscript.innerHTML` after `_isSingleImage(noscript)`
    fingerprints: ['_isSingleImage', '`noscript`'],
    max: 2,
  },
  {
    library: 'pouchdb-utils',
    code: 'DANGEROUS_EVAL',
    file: /^src\/background\/index\.js$/,
    // scopeEval: `Function.apply(null, keys)`, beside `upsert` (404 check). PouchDB uses it only
    // for filter functions given as strings (design documents); sync never passes one, and the
    // extension CSP (no 'unsafe-eval') would refuse it anyway.
    fingerprints: ['Function.apply(null', 'status!==404'],
    max: 1,
  },
];

function lint() {
  const bin = resolve(ROOT, 'node_modules', '.bin', 'web-ext');
  let out;
  try {
    out = execFileSync(bin, ['lint', '--source-dir', DIST, '--self-hosted', '--output', 'json', '--no-config-discovery'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
    out = err.stdout;
    if (!out) throw err;
  }
  return JSON.parse(out.slice(out.indexOf('{')));
}

function around(file, line, column) {
  const text = readFileSync(resolve(DIST, file), 'utf8').split('\n')[(line ?? 1) - 1] ?? '';
  const at = column ?? 0;
  return text.slice(Math.max(0, at - WINDOW), at + WINDOW);
}

const report = lint();
const used = new Map();
const ours = [];
const allowed = [];
for (const w of report.warnings) {
  const rule = LIBRARY_WARNINGS.find((r) => {
    if (r.code !== w.code || !w.file || !r.file.test(w.file)) return false;
    const near = around(w.file, w.line, w.column);
    return r.fingerprints.every((f) => near.includes(f));
  });
  if (rule && (used.get(rule) ?? 0) < rule.max) {
    used.set(rule, (used.get(rule) ?? 0) + 1);
    allowed.push(`${w.code} in ${rule.library} (${w.file}:${w.line}:${w.column})`);
  } else {
    ours.push(w);
  }
}

const show = (m) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column}` : ''}\n    ${m.message}${m.description ? `\n    ${m.description}` : ''}`;
console.log(`web-ext lint dist/firefox: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
for (const a of allowed) console.log(`  allowed (library code): ${a}`);
for (const r of LIBRARY_WARNINGS) {
  if (!used.get(r)) console.log(`  note: no longer seen, remove from the list: ${r.code} in ${r.library} (${r.fingerprints[0]})`);
}
if (report.errors.length) console.error(`errors:\n${report.errors.map(show).join('\n')}`);
if (ours.length) console.error(`warnings from Sift's own code (or new ones in libraries):\n${ours.map(show).join('\n')}`);
process.exit(report.errors.length || ours.length ? 1 : 0);
