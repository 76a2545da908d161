import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The manifest's connect-src is wide for the service worker (Chromium applies extension_pages to
// it) and Firefox's background page; each extension page narrows it with its own <meta> policy
// (e2e/security/page-csp.spec.ts and e2e-firefox/page-csp.spec.ts prove the browsers enforce it).
// A new page without that <meta> would reach any server: caught here.

const ROOT = resolve(import.meta.dirname, '..', '..');

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? htmlPages(p) : e.name.endsWith('.html') ? [p] : [];
  });
}

describe('extension pages CSP', () => {
  const pages = htmlPages(join(ROOT, 'src'));

  it('finds the pages', () => {
    expect(pages.map((p) => p.slice(ROOT.length + 1)).sort()).toEqual(
      expect.arrayContaining(['src/library/index.html', 'src/offscreen/index.html', 'src/options/index.html', 'src/popup/index.html']),
    );
  });

  it.each(pages.map((p) => [p.slice(ROOT.length + 1), p]))('%s narrows connect-src to the extension before anything loads', (_name, file) => {
    const html = readFileSync(file, 'utf8');
    const head = html.replace(/<!--[\s\S]*?-->/g, '');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*>/i.exec(head);
    expect(meta?.[1]).toBe("connect-src 'self'");
    // Nothing that can load or run comes before it.
    const before = head.slice(0, meta!.index);
    expect(before).not.toMatch(/<(?:script|link|style|img|base)\b/i);
  });

  it('the manifest keeps every other page directive strict', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { content_security_policy: { extension_pages: string } };
    const csp = Object.fromEntries(manifest.content_security_policy.extension_pages.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(csp['default-src']).toBe("'none'");
    expect(csp['script-src']).toBe("'self'");
    expect(csp['connect-src']).toBe("'self' http: https:");
    for (const d of ['object-src', 'frame-src', 'child-src', 'base-uri', 'form-action']) expect(csp[d], d).toBe("'none'");
    expect(csp['require-trusted-types-for']).toBe("'script'");
  });
});
