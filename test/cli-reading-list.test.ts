// The reading-list CLI contract (README, "Command line"): one JSON line per item, then a summary
// line; a file that is no export: a message on stderr and exit code 2. Runs as a child process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

function run(file: string): { lines: Record<string, unknown>[]; status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/reading-list.ts'), file], { cwd: ROOT, encoding: 'utf8' });
  const lines = r.stdout.trim() ? r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : [];
  return { lines, status: r.status, stderr: r.stderr };
}

describe('npm run reading-list -- FILE', () => {
  it('prints {url, title, savedAt, tags, status} per item, then {format, items, refused}', () => {
    const { lines, status } = run(join(ROOT, 'fixtures/reading-list/pocket.csv'));
    expect(status).toBe(0);
    const last = lines.at(-1)!;
    expect(last.format).toBe('pocket-csv');
    expect(last.items).toBe(lines.length - 1);
    expect((last.refused as unknown[]).length).toBe(5);
    expect(lines[0]).toEqual({ url: 'https://reading.example/articles/web-works', title: 'How the Web Works, Part 1', savedAt: '2023-11-14T22:13:20.000Z', tags: ['tech', 'web'], status: 'unread' });
  });

  it('a file that is not an export: the reason on stderr, exit code 2, nothing on stdout', () => {
    const r = run(join(ROOT, 'e2e/pages/article-en.html'));
    expect(r.status).toBe(2);
    expect(r.lines).toEqual([]);
    expect(r.stderr).toMatch(/neither a bookmarks file nor a Pocket export/);
  });
});
