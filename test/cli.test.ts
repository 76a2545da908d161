// The command-line contract other tools rely on (README, "Command line"): `clean` on one file in
// each format, `clean --list` for batches, `entities --jsonl`. Each runs as a real child process.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SEED_URL } from './helpers.ts';

const SEED = join(ROOT, 'e2e/pages/seed-article.html');
const NZZ = join(ROOT, 'fixtures/extract/de-nzz-international/source.html');
const dir = mkdtempSync(join(tmpdir(), 'sift-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: 'clean' | 'entities', args: string[], nodeArgs: string[] = []): { stdout: string; status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [...nodeArgs, '--import', 'tsx', join(ROOT, `src/cli/${script}.ts`), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { stdout: r.stdout, status: r.status, stderr: r.stderr };
}

const lines = (out: string): Record<string, unknown>[] => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('npm run clean -- FILE', () => {
  it('prints the whole result as JSON by default, and the article alone as text, Markdown or HTML', () => {
    const json = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/clean.ts', '--url', SEED_URL, SEED], { cwd: ROOT, encoding: 'utf8' })) as {
      ok: boolean; article: { title: string; publishedTime: string; lang: string; text: string; html: string }; entities: { name: string; type: string }[];
    };
    expect(json.ok).toBe(true);
    expect(json.article.publishedTime).toMatch(/^2021-01-27/);
    expect(json.article.lang).toBe('zh-CN');
    expect(json.entities.length).toBeGreaterThan(0);

    const text = run('clean', ['--format', 'text', '--url', SEED_URL, SEED]);
    expect(text.status).toBe(0);
    expect(text.stdout.trim()).toBe(json.article.text.trim());
    expect(text.stdout).toContain('责任编辑：林妍');

    const md = run('clean', ['--format', 'markdown', '--url', SEED_URL, SEED]);
    expect(md.stdout.startsWith(`---\ntitle: ${JSON.stringify(json.article.title)}\n`)).toBe(true);
    expect(md.stdout).toContain(`\n# ${json.article.title}\n`);
    expect(md.stdout).not.toMatch(/<script|<p>/);

    const html = run('clean', ['--format', 'html', '--url', SEED_URL, SEED]);
    expect(html.stdout).toContain('<p>');
    expect(html.stdout.trim()).toBe(json.article.html.trim());
  }, 90_000);

  it('says why on stderr and exits non-zero for a file it cannot read or a format it does not know', () => {
    const missing = run('clean', [join(dir, 'no-such-page.html')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read/);
    const format = run('clean', ['--format', 'pdf', SEED]);
    expect(format.status).not.toBe(0);
    expect(format.stderr).toMatch(/unknown format "pdf"/);
  }, 60_000);
});

describe('npm run clean -- --list', () => {
  it('prints one line per page, in order: the text and time, the full result with --format json, or the error', () => {
    const list = join(dir, 'list.jsonl');
    writeFileSync(list, [
      JSON.stringify({ id: 'seed', file: SEED, url: SEED_URL }),
      JSON.stringify({ id: 7, file: join(dir, 'missing.html'), url: 'https://example.org/missing' }),
      '',
      'not json',
      JSON.stringify({ id: 'nzz', file: NZZ, url: 'https://www.nzz.ch/international/x' }),
    ].join('\n'));
    const plain = lines(run('clean', ['--list', list]).stdout);
    expect(plain.map((r) => [r.id, r.ok])).toEqual([['seed', true], [7, false], [null, false], ['nzz', true]]);
    expect(plain[0]!.text).toContain('\n');
    expect(plain[0]!.text).toContain('责任编辑：林妍');
    expect(typeof plain[0]!.ms).toBe('number');
    expect(plain[0]!.result).toBeUndefined();
    expect(String(plain[1]!.error)).toMatch(/ENOENT|no such file/);

    const full = lines(run('clean', ['--list', list, '--format', 'json']).stdout);
    const seed = full[0]!.result as { ok: boolean; article: { text: string } };
    expect(seed.ok).toBe(true);
    expect(seed.article.text).toBe(full[0]!.text);
  }, 90_000);

  it('keeps memory flat over a long batch (each parsed page is let go before the next)', () => {
    // Before releaseDocument(), every page stayed alive until the batch ended: under this heap
    // limit the process died after about ten copies of this 220 kB page.
    const list = join(dir, 'many.jsonl');
    writeFileSync(list, Array.from({ length: 25 }, (_, i) => JSON.stringify({ id: i, file: NZZ, url: 'https://www.nzz.ch/international/x' })).join('\n'));
    const r = run('clean', ['--list', list], ['--max-old-space-size=192']);
    expect(r.stderr).not.toMatch(/heap out of memory/);
    const rows = lines(r.stdout);
    expect(rows).toHaveLength(25);
    expect(rows.every((row) => row.ok === true && String(row.text).length > 1000)).toBe(true);
  }, 120_000);
});

describe('npm run entities -- --jsonl', () => {
  it('prints the entities of each line with their type, aliases and count', () => {
    const file = join(dir, 'texts.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'en', text: 'Angela Merkel met Emmanuel Macron in Paris. Merkel said the European Union must act.', lang: 'en' }),
      JSON.stringify({ id: 'bad', text: 42 }),
    ].join('\n'));
    const rows = lines(run('entities', ['--jsonl', file]).stdout) as { id: string; entities?: { name: string; type: string; aliases: string[]; count: number }[]; error?: string }[];
    expect(rows.map((r) => r.id)).toEqual(['en', 'bad']);
    const byName = new Map(rows[0]!.entities!.map((e) => [e.name, e]));
    expect(byName.get('Angela Merkel')?.type).toBe('person');
    expect(byName.get('Angela Merkel')?.count).toBeGreaterThanOrEqual(2);
    expect(byName.get('Paris')?.type).toBe('place');
    expect(rows[1]!.error).toMatch(/text/);
  });
});
