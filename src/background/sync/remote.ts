import { checkServerUrl, type SyncConfig } from '../../core/sync/settings.ts';
import { cappedFetch, ResponseTooLarge } from './capped-fetch.ts';
import type { PouchCtor, PouchDb } from './pouch-types.ts';

// The server, reached with the user's name and password in an Authorization header: never in
// the URL (a URL ends up in logs, error messages and history).

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return 'Basic ' + btoa(bin);
}

export function databaseUrl(config: SyncConfig): string {
  const url = checkServerUrl(config.url);
  if (!url.ok) throw new Error(`bad server address: ${url.problem}`);
  return `${url.base}/${encodeURIComponent(config.database)}`;
}

/** fetch with the credentials added and a time limit, for PouchDB and for the connection test. */
export function authFetch(config: SyncConfig, timeoutMs = 60_000): typeof fetch {
  const auth = basicAuth(config.user, config.password);
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', auth);
    const signal = init.signal ?? AbortSignal.timeout(timeoutMs);
    return fetch(input, { ...init, headers, signal, credentials: 'omit', cache: 'no-store' });
  };
}

/**
 * The user's database on the server. skip_setup: a user cannot create databases (couch_peruser
 * makes them). Every answer's size is limited before it is parsed (capped-fetch.ts).
 */
export function openRemote(Pouch: PouchCtor, config: SyncConfig): PouchDb {
  return new Pouch(databaseUrl(config), { adapter: 'http', skip_setup: true, fetch: cappedFetch(authFetch(config)) });
}

export type ConnectionProblem =
  | 'bad-config'
  | 'permission'
  | 'unreachable'
  | 'unreachable-or-tls'
  | 'not-couchdb'
  | 'wrong-password'
  | 'forbidden'
  | 'no-database'
  | 'server-error'
  | 'too-large';

export type ConnectionResult = { ok: true; docs: number } | { ok: false; problem: ConnectionProblem; status?: number };

/** What an HTTP status from the server means for the user. */
export function problemOfStatus(status: number): ConnectionProblem {
  if (status === 401) return 'wrong-password';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'no-database';
  return 'server-error';
}

/**
 * Test the connection step by step, so each failure has its own plain reason: the address
 * answers at all (and over TLS), it is CouchDB, the password is right, the database is there.
 * `hasPermission` is asked first: without the host permission the browser blocks the request
 * (CORS), which looks exactly like an unreachable server.
 */
export async function testConnection(config: SyncConfig, hasPermission: (pattern: string) => Promise<boolean>): Promise<ConnectionResult> {
  const url = checkServerUrl(config.url);
  if (!url.ok) return { ok: false, problem: 'bad-config' };
  if (!(await hasPermission(url.permission))) return { ok: false, problem: 'permission' };
  let welcome: Response;
  try {
    welcome = await fetch(`${url.base}/`, { credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(15_000) });
  } catch {
    // fetch does not say why: a refused connection and a rejected certificate look the same.
    return { ok: false, problem: url.base.startsWith('https:') ? 'unreachable-or-tls' : 'unreachable' };
  }
  const body = (await welcome.json().catch(() => null)) as Record<string, unknown> | null;
  // CouchDB answers {"couchdb":"Welcome"}; PouchDB's server {"express-pouchdb":"Welcome!"}.
  if (!welcome.ok || !body || (body.couchdb === undefined && body['express-pouchdb'] === undefined)) {
    return { ok: false, problem: 'not-couchdb', status: welcome.status };
  }
  let res: Response;
  try {
    res = await authFetch(config, 15_000)(databaseUrl(config));
  } catch {
    return { ok: false, problem: 'unreachable' };
  }
  if (!res.ok) return { ok: false, problem: problemOfStatus(res.status), status: res.status };
  const info = (await res.json().catch(() => null)) as { doc_count?: number } | null;
  if (!info || typeof info.doc_count !== 'number') return { ok: false, problem: 'not-couchdb' };
  return { ok: true, docs: info.doc_count };
}

/** An error from a sync run, in the same words as the connection test. */
export function problemOfError(err: unknown): ConnectionProblem {
  if (err instanceof ResponseTooLarge) return 'too-large';
  const e = err as { status?: number; name?: string; message?: string } | null;
  if (e?.status && e.status >= 400) return problemOfStatus(e.status);
  if (e instanceof TypeError || /fetch|network|abort|timeout/i.test(`${e?.name} ${e?.message}`)) return 'unreachable';
  return 'server-error';
}
