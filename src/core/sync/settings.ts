// What the user types into Options -> Sync, checked before anything is sent anywhere.

export interface SyncConfig {
  enabled: boolean;
  /** The server's base address, e.g. https://couch.example.org (a path prefix is allowed). */
  url: string;
  database: string;
  user: string;
  password: string;
}

export const EMPTY_SYNC_CONFIG: SyncConfig = { enabled: false, url: '', database: '', user: '', password: '' };

export type UrlProblem = 'empty' | 'not-a-url' | 'scheme' | 'insecure' | 'credentials-in-url' | 'query';

/** Hosts where plain http is allowed: a server on this machine never crosses a network. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Check a server address. https anywhere; http only to this machine (a password sent in the
 * clear over a network can be read by anyone on the way). The result is the normalised base
 * (no trailing slash), its origin, and the match pattern the host permission is asked for:
 * scheme and host without the port, because Firefox's match patterns take no port (a pattern
 * with one is never granted there, and its prompt comes back on every click).
 */
export function checkServerUrl(raw: string): { ok: true; base: string; origin: string; permission: string } | { ok: false; problem: UrlProblem } {
  const text = raw.trim();
  if (!text) return { ok: false, problem: 'empty' };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) return { ok: false, problem: 'insecure' };
  // Credentials belong in the password field: a URL ends up in logs, history and exports.
  if (u.username || u.password) return { ok: false, problem: 'credentials-in-url' };
  if (u.search || u.hash) return { ok: false, problem: 'query' };
  const base = (u.origin + u.pathname).replace(/\/+$/, '');
  return { ok: true, base, origin: u.origin, permission: `${u.protocol}//${u.hostname}/*` };
}

export type DatabaseProblem = 'empty' | 'bad-name';

/** CouchDB's rule for database names. */
export function checkDatabaseName(name: string): DatabaseProblem | null {
  if (!name) return 'empty';
  return /^[a-z][a-z0-9_$()+/-]{0,237}$/.test(name) ? null : 'bad-name';
}

/** The database CouchDB's couch_peruser makes for a user: userdb- and the name's UTF-8 bytes in hex. */
export function perUserDatabase(user: string): string {
  const bytes = new TextEncoder().encode(user);
  return 'userdb-' + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Repair whatever is stored into a config (never throws). */
export function validateSyncConfig(raw: unknown): SyncConfig {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return { enabled: o.enabled === true, url: s(o.url), database: s(o.database), user: s(o.user), password: s(o.password) };
}

/** Everything wrong with a config that would stop sync being turned on, in field order. */
export function configProblems(c: SyncConfig): { field: 'url' | 'database' | 'user' | 'password'; problem: string }[] {
  const out: { field: 'url' | 'database' | 'user' | 'password'; problem: string }[] = [];
  const url = checkServerUrl(c.url);
  if (!url.ok) out.push({ field: 'url', problem: url.problem });
  const db = checkDatabaseName(c.database);
  if (db) out.push({ field: 'database', problem: db });
  if (!c.user.trim()) out.push({ field: 'user', problem: 'empty' });
  if (!c.password) out.push({ field: 'password', problem: 'empty' });
  return out;
}
