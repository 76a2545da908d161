// One pass over the pool recording, per page, what the safety net decides from (bench/tune-net.ts):
// our layers' text with the net off and its probe, and plain Readability's text as the net runs it
// (with its container's link share), both scored, and the benchmark's plain Readability (the
// yardstick of "more than 0.10 below"). The texts are kept so the net's features can be computed
// again offline when they change, without another pass.
import { extractArticle } from '../../src/core/extract/index.ts';
import { linkShareOf, plainReadability, type NetProbe } from '../../src/core/extract/safety-net.ts';
import { disableRules, enableAllRules } from '../../src/core/extract/rules.ts';
import { parseHtml, releaseDocument } from '../../src/cli/dom.ts';
import { pageHtml, pageUrl, scorePage, type Dataset } from './dataset.ts';
import { BaselineCache } from './baseline.ts';
import type { PageScore } from './metrics.ts';

export interface NetRow {
  set: string;
  id: string;
  /** Our layers' result without the net. */
  oursText: string;
  ours: PageScore;
  oursThrew: boolean;
  probe: NetProbe | null;
  /** Plain Readability as the net runs it (null: it found nothing or threw). */
  plainText: string | null;
  plainLinkShare: number;
  plain: PageScore | null;
  /** The benchmark's plain Readability. */
  bench: PageScore;
  benchEmpty: boolean;
  /** Picked for being far below Readability in an earlier run (not part of a random sample). */
  picked?: boolean;
}

const hasText = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

export async function collectNetRows(ds: Dataset, useCache = true): Promise<NetRow[]> {
  const cache = new BaselineCache(ds.dir, useCache);
  const rows: NetRow[] = [];
  for (const [i, page] of ds.pages.entries()) {
    const url = pageUrl(page);
    const doc = parseHtml(pageHtml(ds, page), url);
    const base = cache.textOf(page.id, doc);
    disableRules(['safety-net']);
    let oursText = '';
    let probe: NetProbe | null = null;
    let threw = false;
    try {
      const out = extractArticle(doc, { url, force: true });
      oursText = out.article?.text ?? '';
      probe = out.net?.probe ?? null;
      threw = Boolean(out.net?.error);
    } catch {
      threw = true;
    } finally {
      enableAllRules();
    }
    let plain = null;
    try {
      plain = plainReadability(doc, { url }, false);
    } catch {
      try {
        plain = plainReadability(doc, { url }, true);
      } catch {
        plain = null;
      }
    }
    rows.push({
      set: ds.name, id: page.id, oursText, ours: scorePage(ds, page, oursText), oursThrew: threw, probe,
      plainText: plain ? plain.text : null, plainLinkShare: plain ? linkShareOf(plain.container) : 0, plain: plain ? scorePage(ds, page, plain.text) : null,
      bench: scorePage(ds, page, base), benchEmpty: !hasText(base),
    });
    await releaseDocument(doc);
    if ((i + 1) % 100 === 0) process.stderr.write(`${ds.name} ${i + 1}/${ds.pages.length}\n`);
  }
  cache.save();
  return rows;
}
