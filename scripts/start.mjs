// npm start: build Sift, serve the bundled sample articles on 127.0.0.1 and open Chromium with
// Sift loaded on the seed article. Without a display, say so and show what to do instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const pages = join(root, 'e2e', 'pages');
const dist = join(root, 'dist', 'chrome');
const port = Number(process.env.PORT || 8787);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(join(root, 'node_modules'))) run('npm', ['ci', '--no-audit', '--no-fund']);
run('npm', ['run', '--silent', 'build']);

const types = { '.html': 'text/html; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg', '.pdf': 'application/pdf' };
const server = http.createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/') {
    res.writeHead(302, { location: '/seed-article.html' }).end();
    return;
  }
  const file = normalize(join(pages, path));
  if (!file.startsWith(pages) || !existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
const seed = `http://127.0.0.1:${port}/seed-article.html`;
console.log(`\nSample articles: http://127.0.0.1:${port}/  (seed: ${seed}, also /article-en.html, /news-index.html)`);

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';

if (!chromium || !hasDisplay) {
  console.log(`
${!chromium ? 'No Chromium found (install it: apt-get install -y chromium, or set CHROMIUM_PATH).' : 'No display here ($DISPLAY is not set), so no browser window can open.'}

What to do instead:
  • On a machine with a display, load the extension by hand:
      Chrome/Chromium: chrome://extensions → Developer mode → "Load unpacked" → ${dist}
      Firefox:         about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → ${join(root, 'dist', 'firefox', 'manifest.json')}
    then open ${seed} (this server keeps running) and click Sift's toolbar button.
  • Or run a virtual display:   xvfb-run -a npm start      (apt-get install -y xvfb xauth)
  • Or run the same pipeline in the terminal:
      npm run --silent clean -- --format text e2e/pages/seed-article.html
      npm run --silent clean -- --format markdown e2e/pages/article-en.html

The sample server keeps running until you press Ctrl+C.`);
} else {
  const profile = mkdtempSync(join(tmpdir(), 'sift-start-'));
  const args = [
    `--user-data-dir=${profile}`,
    `--load-extension=${dist}`,
    `--disable-extensions-except=${dist}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    seed,
  ];
  console.log(`Opening Chromium with Sift loaded (profile ${profile}). Click Sift's toolbar button (pin it from the puzzle-piece menu).`);
  const child = spawn(chromium, args, { stdio: 'ignore' });
  child.on('exit', () => {
    server.close();
    process.exit(0);
  });
}
