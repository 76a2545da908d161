import type { BrowserContext, ElementHandle, JSHandle, Page, Request } from '@playwright/test';
import { inspectArticleDom, type DomProblem } from './inspect.ts';

// Everything that would show a payload ran, a request left, or a page moved, from extension
// pages. Listeners on the browser context see every page Playwright opens, from its first
// instruction; the toolbar popup lives on another CDP connection and is watched once attached,
// plus checked for what a payload leaves behind (globals, beacons on the recorder).

export interface Incident {
  kind: 'dialog' | 'console-marker' | 'csp-violation' | 'page-error' | 'request' | 'navigation' | 'new-page' | 'dom';
  where: string;
  detail: string;
}

const EXT = 'chrome-extension://';

export class Monitor {
  readonly incidents: Incident[] = [];
  /** Extension URLs (without hash) a test itself goes to, or patterns of them. */
  private readonly expected: (string | RegExp)[] = [];
  private readonly extensionPages = new WeakSet<Page>();
  private readonly seen: Page[] = [];
  private readonly opened = new Set<Page>();
  counts = { pages: 0, requests: 0, images: 0 };

  constructor(
    private readonly pageOrigin: string,
    private readonly extraOk: (url: string) => boolean = () => false,
  ) {}

  /** The page server's images are article content: the one kind of request an extension page may make. */
  private allowed(req: Request): boolean {
    const url = req.url();
    if (url.startsWith(EXT) || url.startsWith('data:') || url.startsWith('blob:') || this.extraOk(url)) return true;
    return req.resourceType() === 'image' && url.startsWith(`${this.pageOrigin}/`);
  }

  private onRequest(where: () => string, req: Request): void {
    this.counts.requests++;
    if (req.resourceType() === 'image' && !req.url().startsWith(EXT)) this.counts.images++;
    if (!this.allowed(req)) this.add('request', where(), `${req.method()} ${req.resourceType()} ${req.url()}`);
  }

  add(kind: Incident['kind'], where: string, detail: string): void {
    this.incidents.push({ kind, where, detail: detail.slice(0, 400) });
  }

  /** An extension URL the test goes to (or the extension opens because the test asked). */
  expectNavigation(url: string | RegExp): void {
    this.expected.push(typeof url === 'string' ? url.replace(/#.*$/, '') : url);
  }

  private isExpected(url: string): boolean {
    const u = url.replace(/#.*$/, '');
    return this.expected.some((e) => (typeof e === 'string' ? e === u : e.test(u)));
  }

  /** Main-frame navigations of extension pages must be ones the test made; frames never load. */
  watchPage(page: Page, label?: string): void {
    const where = () => label ?? page.url();
    if (page.url().startsWith(EXT)) this.extensionPages.add(page);
    page.on('framenavigated', (frame) => {
      const url = frame.url();
      if (frame !== page.mainFrame()) {
        if (page.url().startsWith(EXT)) this.add('navigation', where(), `a frame loaded ${url}`);
        return;
      }
      if (url === 'about:blank') return;
      if (!url.startsWith(EXT)) {
        // A web page in a tab may go where it likes; an extension page may not leave.
        if (this.extensionPages.has(page)) this.add('navigation', where(), `left for ${url}`);
        return;
      }
      this.extensionPages.add(page);
      if (!this.isExpected(url)) this.add('navigation', where(), `to ${url}`);
    });
  }

  /** Pages the test opens itself; any other new page at the end is an incident. */
  own(page: Page): Page {
    this.opened.add(page);
    return page;
  }

  /** New pages nobody asked for (window.open, target=_blank clicks...). */
  strayPages(): string[] {
    return this.seen.filter((p) => !this.opened.has(p)).map((p) => p.url());
  }

  /** Attach to a context: console, dialogs, requests and new pages of every page in it. */
  async watchContext(context: BrowserContext): Promise<void> {
    // CSP and Trusted Types violations, with where they came from (a console line says less).
    await context.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (e) => {
          const t = e.target as Element | null;
          const handlers = t && 'attributes' in t ? Array.from(t.attributes).filter((a) => a.name.startsWith('on')).map((a) => a.name) : [];
          console.log(`SIFT-CSP ${JSON.stringify({ directive: e.effectiveDirective, sample: e.sample, file: e.sourceFile, line: e.lineNumber, blocked: e.blockedURI, handlers })}`);
        },
        true,
      );
    });
    context.on('console', (msg) => {
      const url = msg.page()?.url() ?? '';
      this.console(url.startsWith(EXT) || !url ? url || '(unknown page)' : null, msg.text(), msg.type());
    });
    context.on('dialog', (dialog) => {
      this.add('dialog', dialog.page()?.url() ?? '(unknown page)', `${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    context.on('weberror', (err) => this.add('page-error', err.page()?.url() ?? '', String(err.error())));
    context.on('request', (req) => {
      // The service worker's own requests (the capture queue's fetches) have no frame; the tests
      // that make the worker fetch check those themselves.
      if (req.serviceWorker()) return;
      const from = req.frame()?.page().url() ?? '';
      if (from.startsWith(EXT)) this.onRequest(() => from, req);
    });
    context.on('page', (page) => {
      this.counts.pages++;
      this.seen.push(page);
      this.watchPage(page);
    });
  }

  /** The toolbar popup, reached over its own CDP connection. */
  watchPopup(popup: Page, label: string): void {
    this.watchPage(popup, label);
    popup.on('console', (msg) => this.console(label, msg.text(), msg.type()));
    popup.on('dialog', (d) => {
      this.add('dialog', label, `${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => {});
    });
    popup.on('pageerror', (err) => this.add('page-error', label, String(err)));
    popup.on('request', (req) => this.onRequest(() => label, req));
    popup.on('popup', (p) => this.add('new-page', label, p.url()));
  }

  /**
   * CSP reports from extension pages. Two kinds are not executions and are counted apart:
   * - DOMPurify parsing article HTML in its inert DOMParser document: Chromium checks the page's
   *   CSP for each inline handler attribute as the parser creates it and reports "Executing
   *   inline event handler" from the parseFromString call, though nothing can run there; the
   *   element then has no handler left (sanitised). A handler that really fires is reported with
   *   no script location, or on an element that still has its on* attribute.
   * - A feature probe, DOMParser.parseFromString(''), blocked by Trusted Types (Turndown checks
   *   whether the browser can parse HTML when it loads): nothing is parsed.
   */
  readonly benign = { 'sanitizer-parse': 0, 'parser-probe': 0 };

  private cspReport(where: string, json: string): void {
    const r = JSON.parse(json) as { directive: string; sample: string; file: string; line: number; blocked: string; handlers: string[] };
    // The same for a style attribute or a <base> in the parsed HTML (synced clippings arrive
    // unsanitised); checkDocument shows no <base> reaches the page, the spec no style attribute.
    const parsed = ['script-src-attr', 'style-src-attr', 'base-uri'].includes(r.directive);
    if (parsed && r.file.startsWith('chrome-extension') && r.line > 0 && r.handlers.length === 0) this.benign['sanitizer-parse']++;
    else if (r.directive === 'require-trusted-types-for' && r.sample === 'DOMParser parseFromString|') this.benign['parser-probe']++;
    else this.add('csp-violation', where, json);
  }

  private console(where: string | null, text: string, type: string): void {
    if (where === null) return;
    if (text.startsWith('SIFT-CSP ')) this.cspReport(where, text.slice(9));
    else if (text.includes('XSS-MARKER')) this.add('console-marker', where, text);
    else if (/Content Security Policy|Trusted ?Types?|TrustedHTML|TrustedScript/i.test(text)) return; // reported above, with details
    else if (type === 'error' && /is not defined|Uncaught/i.test(text)) this.add('page-error', where, text);
  }

  /**
   * What a payload leaves behind in an extension page, and what rendered article content may
   * hold: checked in the page. `doc` may be another extension page's document (the toolbar
   * popup, reached through chrome.extension.getViews from a page of the same origin).
   */
  async checkDocument(doc: JSHandle<Document>, label: string, articleSelector = '[data-testid=article]'): Promise<void> {
    const bad = await doc.evaluate((d) => {
      const found: string[] = [];
      const w = d.defaultView as unknown as { __siftXss?: unknown } | null;
      if (w?.__siftXss !== undefined) found.push(`window.__siftXss = ${String(w.__siftXss)}`);
      for (const el of Array.from(d.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          if (a.name.toLowerCase().startsWith('on')) found.push(`${el.localName}[${a.name}]`);
          const v = a.value.replace(/[\u0000-\u0020\u00a0]+/g, '');
          if (/^(?:href|src|action|formaction|xlink:href|data|poster|background)$/i.test(a.name) && /^(?:javascript|vbscript|livescript|data:(?!image\/))/i.test(v)) {
            found.push(`${el.localName}[${a.name}=${a.value.slice(0, 60)}]`);
          }
        }
      }
      for (const el of Array.from(d.querySelectorAll('base, meta[http-equiv]:not(head > meta[http-equiv="Content-Security-Policy"][content="connect-src \'self\'"]), iframe, frame, object, embed, portal, fencedframe, script:not([src])'))) {
        found.push(`element ${el.outerHTML.slice(0, 120)}`);
      }
      for (const s of Array.from(d.querySelectorAll('script[src]'))) {
        if (!(s as HTMLScriptElement).src.startsWith(d.location.origin)) found.push(`script ${(s as HTMLScriptElement).src}`);
      }
      return found;
    });
    for (const b of bad) this.add('dom', label, b);
    const list = await doc.evaluateHandle((d, sel) => Array.from(d.querySelectorAll(sel)), articleSelector);
    const n = await list.evaluate((l) => l.length);
    for (let i = 0; i < n; i++) {
      const el = (await list.evaluateHandle((l, k) => l[k]!, i)) as ElementHandle<Element>;
      const problems: DomProblem[] = await el.evaluate(inspectArticleDom);
      for (const p of problems) this.add('dom', label, `${p.what}: ${p.html}`);
    }
  }

  async checkPage(page: Page, label: string, articleSelector?: string): Promise<void> {
    await this.checkDocument(await page.evaluateHandle(() => document), label, articleSelector);
  }

  summary(): Record<Incident['kind'], number> {
    const out = { dialog: 0, 'console-marker': 0, 'csp-violation': 0, 'page-error': 0, request: 0, navigation: 0, 'new-page': 0, dom: 0 };
    for (const i of this.incidents) out[i.kind]++;
    return out;
  }
}
