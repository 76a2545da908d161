import puppeteer, { type Browser } from 'puppeteer-core';

// Per-context JS heap of the extension (service worker, offscreen document, extension pages), over
// the browser's DevTools endpoint: Playwright exposes no CDP session for a service worker or an
// offscreen document; puppeteer-core (already a dependency) attaches to any target.
export interface TargetHeap {
  type: string;
  url: string;
  usedMb: number;
  /** Blink's live documents and nodes (Memory.getDOMCounters): parsed pages kept alive show here, not in the JS heap. */
  documents: number;
  nodes: number;
}

export async function connectHeapProbe(port: string): Promise<Browser> {
  return puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
}

/** JS heap in use of each extension context; `gc` collects garbage first, so what is left is retained. */
export async function heapByTarget(browser: Browser, extensionId: string, gc = false): Promise<TargetHeap[]> {
  const out: TargetHeap[] = [];
  for (const t of browser.targets()) {
    if (!t.url().startsWith(`chrome-extension://${extensionId}/`)) continue;
    try {
      const s = await t.createCDPSession();
      if (gc) await s.send('HeapProfiler.collectGarbage');
      const { usedSize } = await s.send('Runtime.getHeapUsage');
      const dom = await s.send('Memory.getDOMCounters').catch(() => ({ documents: -1, nodes: -1 }));
      await s.detach();
      out.push({ type: t.type(), url: t.url().replace(/^chrome-extension:\/\/[^/]+\//, ''), usedMb: Math.round((usedSize / 1048576) * 10) / 10, documents: dom.documents, nodes: dom.nodes });
    } catch {
      // A target that went away meanwhile.
    }
  }
  return out;
}

/** A heap snapshot of the first extension target whose address contains `urlPart`, as text (.heapsnapshot). */
export async function heapSnapshot(browser: Browser, extensionId: string, urlPart: string): Promise<string> {
  const t = browser.targets().find((x) => x.url().startsWith(`chrome-extension://${extensionId}/`) && x.url().includes(urlPart));
  if (!t) throw new Error(`No extension target ${urlPart}`);
  const s = await t.createCDPSession();
  const chunks: string[] = [];
  s.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => void chunks.push(e.chunk));
  await s.send('HeapProfiler.enable');
  await s.send('HeapProfiler.collectGarbage');
  await s.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await s.detach();
  return chunks.join('');
}
