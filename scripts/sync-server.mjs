#!/usr/bin/env node
// A CouchDB-protocol server for trying Sift's sync and for its tests, in memory, on 127.0.0.1.
// express-pouchdb (PouchDB's own server code) over PouchDB's memory adapter: no native build.
// In front of it, a small honest stand-in for what CouchDB 3 does for a user with couch_peruser:
// HTTP basic auth, one database per user named userdb-<hex of the name>, made by the server
// (users cannot create or reach other databases). What differs from CouchDB: README "Sync".
//
//   node scripts/sync-server.mjs [--port 5984] [--user alice] [--password secret]
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export function perUserDatabase(user) {
  return 'userdb-' + Buffer.from(user, 'utf8').toString('hex');
}

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function credentials(req) {
  const m = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return null;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? null : { name: text.slice(0, i), password: text.slice(i + 1) };
}

/**
 * Start the server. `users` maps names to passwords; each gets an empty per-user database.
 * Returns its address and controls: `pause()` closes the port (the server is "down"),
 * `resume()` opens the same port again with the same data; `db(name)` is the server's own
 * PouchDB handle, for tests that read what arrived or plant documents. `latencyMs` delays
 * every answer (a slow network).
 */
let servers = 0;

export async function startSyncServer({ port = 0, host = '127.0.0.1', users = { alice: 'secret' }, log = false, latencyMs = 0 } = {}) {
  // PouchDB's constructor is shared by everything in the process (a test may load it too):
  // add each plugin once.
  const PouchDB = require('pouchdb-core');
  if (!PouchDB.adapters.memory) PouchDB.plugin(require('pouchdb-adapter-memory'));
  if (!PouchDB.prototype.query) PouchDB.plugin(require('pouchdb-mapreduce'));
  if (!PouchDB.replicate) PouchDB.plugin(require('pouchdb-replication'));
  // The memory adapter keeps one store per database name for the whole process: a prefix of its
  // own gives each server empty databases (two tests in one process must not see each other's).
  const MemPouch = PouchDB.defaults({ adapter: 'memory', prefix: `sift-sync-${++servers}-` });
  const couch = require('express-pouchdb')(MemPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  const passwords = new Map(Object.entries(users));
  const handles = new Map();
  const db = (name) => {
    if (!handles.has(name)) handles.set(name, new MemPouch(name));
    return handles.get(name);
  };
  for (const name of passwords.keys()) await db(perUserDatabase(name)).info();
  const stats = { requests: 0 };

  const handler = (req, res) => {
    // A slow network, for tests that must catch a sync half way.
    if (latencyMs) return void setTimeout(() => serve(req, res), latencyMs);
    serve(req, res);
  };
  const serve = (req, res) => {
    stats.requests++;
    if (log) console.log(req.method, req.url);
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    // The welcome document answers everyone, as CouchDB's does.
    if (path === '/' && req.method === 'GET') return couch(req, res);
    const who = credentials(req);
    if (!who || passwords.get(who.name) !== who.password) {
      res.setHeader('WWW-Authenticate', 'Basic realm="server"');
      return json(res, 401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
    }
    if (path === '/_session') return json(res, 200, { ok: true, userCtx: { name: who.name, roles: [] } });
    const dbName = path.split('/')[1] ?? '';
    if (dbName.startsWith('_') || dbName === '') return json(res, 403, { error: 'forbidden', reason: 'You are not a server admin.' });
    if (dbName !== perUserDatabase(who.name)) {
      // CouchDB: a database you may not read answers 403; one that does not exist, 404.
      const known = [...passwords.keys()].map(perUserDatabase).includes(dbName);
      return known
        ? json(res, 403, { error: 'forbidden', reason: 'You are not allowed to access this db.' })
        : json(res, 404, { error: 'not_found', reason: 'Database does not exist.' });
    }
    if (path === `/${dbName}` && (req.method === 'PUT' || req.method === 'DELETE')) {
      return json(res, 401, { error: 'unauthorized', reason: 'You are not a server admin.' });
    }
    return couch(req, res);
  };

  const sockets = new Set();
  let server = null;
  let boundPort = port;
  const listen = () =>
    new Promise((resolve, reject) => {
      server = createServer(handler);
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.once('error', reject);
      server.listen(boundPort, host, () => {
        boundPort = server.address().port;
        resolve();
      });
    });
  const close = () =>
    new Promise((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
      server = null;
    });
  await listen();
  return {
    get url() {
      return `http://${host}:${boundPort}`;
    },
    port: boundPort,
    stats,
    db,
    databaseOf: perUserDatabase,
    addUser: async (name, password) => {
      passwords.set(name, password);
      await db(perUserDatabase(name)).info();
    },
    pause: close,
    resume: listen,
    stop: close,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const user = arg('user', 'alice');
  const password = arg('password', 'secret');
  const s = await startSyncServer({ port: Number(arg('port', '5984')), users: { [user]: password }, log: process.argv.includes('--log') });
  console.log(`Sift sync test server (in memory; data is lost when it stops). In Sift's Options -> Sync enter:
  Server address: ${s.url}
  Database:       ${perUserDatabase(user)}
  User name:      ${user}
  Password:       ${password}
Ctrl+C stops it.`);
}
