import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { resolve } from 'node:path';

// `vite build --mode chrome|firefox`. The plugin's sub-builds ignore `--outDir` on the
// command line, so the output folder is chosen here from the mode (see ../shared/TOOLCHAIN.md).
export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    build: {
      outDir: resolve(import.meta.dirname, 'dist', browser),
      emptyOutDir: true,
      sourcemap: false,
      target: 'es2022',
      minify: true,
    },
    plugins: [
      webExtension({
        browser,
        manifest: 'manifest.json',
        // Injected on demand with scripting.executeScript({ files }), so not in the manifest.
        // src/popup/early-extract.ts is the popup's first, classic (non-module) script: Vite would
        // merge a second module script of index.html into the main one and so delay it.
        additionalInputs: ['src/content/index.ts', 'src/content/entities.ts', ...['en', 'de', 'fr', 'nl', 'pt', 'zh'].map((l) => `src/content/pack-${l}.ts`), 'src/library/index.html', 'src/popup/early-extract.ts'],
        skipManifestValidation: true,
        disableAutoLaunch: true,
        printSummary: false,
      }),
    ],
  };
});
