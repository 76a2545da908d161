import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

// `vite build --mode chrome|firefox`. The plugin's sub-builds ignore `--outDir` on the
// command line, so the output folder is chosen here from the mode (see ../shared/TOOLCHAIN.md).
// `npm run build:test` (VITE_SIFT_TEST_HOSTS=1) makes dist/chrome-test for the capture e2e tests and
// bench:import: the same extension plus a host permission for http://127.0.0.1/* and a fetch
// policy that lets the queue reach 127.0.0.1 (src/background/capture/policy.ts). Nothing else.
const TEST_HOSTS = process.env.VITE_SIFT_TEST_HOSTS === '1';

function manifest(browser: string): Record<string, unknown> {
  const m = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  if (TEST_HOSTS) m.host_permissions = ['http://127.0.0.1/*'];
  // Firefox has no offscreen documents (its background page has a DOM) and rejects the name.
  if (browser === 'firefox') m.permissions = (m.permissions as string[]).filter((p) => p !== 'offscreen');
  return m;
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    build: {
      outDir: resolve(import.meta.dirname, 'dist', TEST_HOSTS ? `${browser}-test` : browser),
      emptyOutDir: true,
      sourcemap: false,
      target: 'es2022',
      minify: true,
    },
    plugins: [
      webExtension({
        browser,
        manifest: () => manifest(browser),
        // Injected on demand with scripting.executeScript({ files }), so not in the manifest.
        // src/popup/early-extract.ts is the popup's first, classic (non-module) script: Vite would
        // merge a second module script of index.html into the main one and so delay it.
        additionalInputs: ['src/content/index.ts', 'src/content/entities.ts', ...['en', 'de', 'fr', 'nl', 'pt', 'zh'].map((l) => `src/content/pack-${l}.ts`), 'src/library/index.html', 'src/popup/early-extract.ts', ...(browser === 'chrome' ? ['src/offscreen/index.html'] : [])],
        skipManifestValidation: true,
        disableAutoLaunch: true,
        printSummary: false,
      }),
    ],
  };
});
