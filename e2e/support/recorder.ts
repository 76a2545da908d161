import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  at: number;
  method: string;
  host: string;
  path: string;
  referer: string | undefined;
  origin: string | undefined;
  dest: string | undefined;
}

/** The attacker's host name in hostile pages; Chromium resolves it to the recorder. */
export const TRACKER_HOST = 'tracker.sift.test';

/**
 * A second server on 127.0.0.1 that stands for the attacker: it records every request and
 * answers 204 No Content, so a navigation to it (a meta refresh in the tab) leaves the page where
 * it was and an image or style from it is simply empty. Hostile pages name it
 * http://tracker.sift.test/...; launch Chromium with `recorder.chromiumArgs()` so that name reaches it.
 */
export class Recorder {
  readonly hits: Hit[] = [];
  private server: http.Server | null = null;
  port = 0;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.hits.push({
        at: Date.now(),
        method: req.method ?? 'GET',
        host: req.headers.host ?? '',
        path: req.url ?? '/',
        referer: req.headers.referer,
        origin: req.headers.origin,
        dest: req.headers['sec-fetch-dest'] as string | undefined,
      });
      req.resume();
      res.writeHead(204, { 'cache-control': 'no-store' }).end();
    });
    // As a proxy (Firefox, e2e-firefox/), an https request arrives as CONNECT host:443: recorded
    // with the host as its path, then refused.
    this.server.on('connect', (req: http.IncomingMessage, socket: import('node:net').Socket) => {
      this.hits.push({ at: Date.now(), method: 'CONNECT', host: req.url ?? '', path: req.url ?? '', referer: undefined, origin: undefined, dest: undefined });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Send the tracker's name (any port) to this server. */
  chromiumArgs(): string[] {
    return [`--host-resolver-rules=MAP ${TRACKER_HOST} 127.0.0.1:${this.port}`];
  }

  /**
   * Requests not made by the web page in the tab: the page's own requests carry its address as
   * referrer (Chromium's default policy sends at least the origin), while an extension page's
   * carry chrome-extension:// or, for article images (referrerpolicy=no-referrer), nothing.
   */
  notFrom(pageOrigin: string, since = 0): Hit[] {
    return this.hits.filter((h) => h.at >= since && !(h.referer ?? '').startsWith(pageOrigin));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }
}
