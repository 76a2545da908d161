/** Minimal flag parser: `--name value`, `--flag`, and positionals. */
export function parseArgs(argv: string[], flags: readonly string[] = []): { opts: Map<string, string>; rest: string[] } {
  const opts = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) opts.set(a.slice(2, eq), a.slice(eq + 1));
      else if (flags.includes(a.slice(2))) opts.set(a.slice(2), 'true');
      else opts.set(a.slice(2), argv[++i] ?? '');
    } else rest.push(a);
  }
  return { opts, rest };
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
