// Size limits on what the server sends, applied to the bytes before anything is parsed: a
// server is not trusted to send documents of a sane size, and a 100 MB answer parsed in the
// service worker would take it down (and, retried on every run, stop sync for good).
//
// Every answer is read up to MAX_RESPONSE_BYTES and dropped beyond. One kind of answer is
// saved instead of failing the run: the replicator's _bulk_get, the documents of a batch. It is
// asked again one document (then one revision) at a time, and a revision still too large comes
// back as a small stand-in carrying the same revision and `siftRefused`. The replicator stores
// the stand-in (so the batch completes and the document is not fetched again on every run), and
// the library refuses it and reports it like any document of the wrong shape.

import { readCapped } from '../read-capped.ts';

/** The largest answer read whole (a batch of ordinary clippings is far below this). */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** The largest single document revision read (the library refuses clippings above 16M characters). */
export const MAX_DOC_BYTES = 17 * 1024 * 1024;

export interface Caps {
  response: number;
  doc: number;
}

/** An answer from the server above the limit that could not be split. */
export class ResponseTooLarge extends Error {
  override readonly name = 'ResponseTooLarge';
  constructor(readonly url: string, readonly limit: number) {
    super(`the server's answer is larger than ${Math.round(limit / 2 ** 20)} MB`);
  }
}

function rebuilt(res: Response, body: Uint8Array | string): Response {
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  const empty = [101, 204, 205, 304].includes(res.status);
  return new Response(empty ? null : (body as BodyInit), { status: res.status, statusText: res.statusText, headers });
}

interface RevRequest {
  id: string;
  rev?: string;
}

interface BulkGetResult {
  id: string;
  docs: ({ ok: Record<string, unknown> } | { error: Record<string, unknown> })[];
}

/** What stands in the mirror for a revision too large to read. */
export function tooLargeStub(id: string, rev: string, limit: number): Record<string, unknown> {
  const dash = rev.indexOf('-');
  return {
    _id: id,
    _rev: rev,
    // Only the leaf is known: the mirror keeps it as a branch of its own, which is enough for
    // the replicator not to ask for it again.
    _revisions: { start: Number(rev.slice(0, dash)), ids: [rev.slice(dash + 1)] },
    siftRefused: `too large (over ${Math.round(limit / 2 ** 20)} MB)`,
  };
}

function isBulkGet(url: string, init: RequestInit | undefined): boolean {
  return /\/_bulk_get(?:\?|$)/.test(url) && init?.method === 'POST' && typeof init.body === 'string';
}

/**
 * A _bulk_get too large as a whole: asked again in halves (a batch of ordinary but large
 * clippings is then a few requests more), down to one document, then one revision; a revision
 * still too large gets a stand-in.
 */
async function splitBulkGet(inner: typeof fetch, url: string, init: RequestInit, caps: Caps): Promise<Response> {
  const asked = (JSON.parse(init.body as string) as { docs?: RevRequest[] }).docs ?? [];
  const ask = async (docs: RevRequest[], cap: number): Promise<BulkGetResult[] | null> => {
    const res = await inner(url, { ...init, body: JSON.stringify({ docs }) });
    if (!res.ok) throw Object.assign(new Error(`_bulk_get answered ${res.status}`), { status: res.status });
    const bytes = await readCapped(res, cap);
    return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as { results: BulkGetResult[] }).results : null;
  };
  // One request at a time: the point is to hold at most one answer's worth of bytes.
  const get = async (docs: RevRequest[]): Promise<BulkGetResult[]> => {
    const ids = [...new Set(docs.map((d) => d.id))];
    if (ids.length > 1) {
      const first = new Set(ids.slice(0, Math.ceil(ids.length / 2)));
      const halves = [docs.filter((d) => first.has(d.id)), docs.filter((d) => !first.has(d.id))];
      const out: BulkGetResult[] = [];
      for (const half of halves) out.push(...((await ask(half, caps.response)) ?? (await get(half))));
      return out;
    }
    const id = ids[0]!;
    const whole = docs.length > 1 ? await ask(docs, caps.doc) : null;
    if (whole) return whole;
    const out: BulkGetResult[] = [];
    for (const r of docs) {
      const one = await ask([r], caps.doc);
      if (one) out.push(...one);
      else if (r.rev) out.push({ id, docs: [{ ok: tooLargeStub(id, r.rev, caps.doc) }] });
      else out.push({ id, docs: [{ error: { id, error: 'too_large', reason: 'document too large' } }] });
    }
    return out;
  };
  const results = await get(asked);
  return new Response(JSON.stringify({ results }), { status: 200, headers: { 'content-type': 'application/json' } });
}

/** `inner` with every answer's size limited (see the top of this file). */
export function cappedFetch(inner: typeof fetch, caps: Caps = { response: MAX_RESPONSE_BYTES, doc: MAX_DOC_BYTES }): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const res = await inner(input, init);
    const bytes = await readCapped(res, caps.response);
    if (bytes) return rebuilt(res, bytes);
    if (res.ok && isBulkGet(url, init)) return splitBulkGet(inner, url, init!, caps);
    throw new ResponseTooLarge(url, caps.response);
  };
}
