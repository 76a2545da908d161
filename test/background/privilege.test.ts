import { describe, expect, it } from 'vitest';
import type browser from 'webextension-polyfill';
import { mayCall, senderKind } from '../../src/background/privilege.ts';
import { ALLOWED_SENDERS, type MessageName } from '../../src/shared/protocol.ts';

const self = { id: 'ext-id', base: 'chrome-extension://ext-id/' };
const tab = { id: 3 } as browser.Tabs.Tab;
type Sender = browser.Runtime.MessageSender & { origin?: string };

// Senders as Chromium reports them (runtime.MessageSender), one per real situation.
const SENDERS: { what: string; sender: Sender; kind: 'page' | 'content' | 'foreign' }[] = [
  { what: 'the popup', sender: { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html', origin: 'chrome-extension://ext-id' }, kind: 'page' },
  { what: 'the library opened in a tab', sender: { id: 'ext-id', url: 'chrome-extension://ext-id/src/library/index.html?id=1', tab, frameId: 0, origin: 'chrome-extension://ext-id' }, kind: 'page' },
  { what: 'the options page without sender.origin (Firefox)', sender: { id: 'ext-id', url: 'chrome-extension://ext-id/src/options/index.html', tab, frameId: 0 }, kind: 'page' },
  { what: 'the content script in a web page', sender: { id: 'ext-id', url: 'https://evil.example/article', tab, frameId: 0, origin: 'https://evil.example' }, kind: 'content' },
  { what: 'the content script in a subframe', sender: { id: 'ext-id', url: 'https://ads.example/frame', tab, frameId: 7 }, kind: 'content' },
  { what: 'the content script on a file: page', sender: { id: 'ext-id', url: 'file:///home/u/page.html', tab, frameId: 0 }, kind: 'content' },
  { what: 'a page whose host imitates the extension', sender: { id: 'ext-id', url: 'https://chrome-extension.ext-id.evil.example/', tab }, kind: 'content' },
  { what: 'a look-alike extension origin', sender: { id: 'ext-id', url: 'chrome-extension://ext-id.evil/x.html', tab }, kind: 'content' },
  { what: 'a URL that only starts like ours', sender: { id: 'ext-id', url: 'chrome-extension://ext-idx/src/popup/index.html' }, kind: 'foreign' },
  { what: 'an extension page framed inside a web page', sender: { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html', tab, frameId: 4 }, kind: 'foreign' },
  { what: 'an extension URL with a mismatching origin', sender: { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html', origin: 'https://evil.example' }, kind: 'foreign' },
  { what: 'an opaque-origin document of ours', sender: { id: 'ext-id', url: 'chrome-extension://ext-id/sandbox.html', origin: 'null' }, kind: 'foreign' },
  { what: 'another extension', sender: { id: 'other', url: 'chrome-extension://other/x.html', origin: 'chrome-extension://other' }, kind: 'foreign' },
  { what: 'another extension claiming our URL', sender: { id: 'other', url: 'chrome-extension://ext-id/src/popup/index.html' }, kind: 'foreign' },
  { what: 'a sender with no URL and no tab', sender: { id: 'ext-id' }, kind: 'foreign' },
  { what: 'a sender with a URL that does not parse', sender: { id: 'ext-id', url: 'not a url', tab }, kind: 'foreign' },
];

describe('senderKind', () => {
  for (const { what, sender, kind } of SENDERS) {
    it(`${what} is ${kind}`, () => {
      expect(senderKind(sender, self)).toBe(kind);
    });
  }

  it('works the same for Firefox moz-extension origins', () => {
    const ff = { id: 'sift@sift-reader.org', base: 'moz-extension://6d1c2c0e-0000-4000-8000-000000000000/' };
    expect(senderKind({ id: ff.id, url: `${ff.base}src/library/index.html`, tab, frameId: 0 }, ff)).toBe('page');
    expect(senderKind({ id: ff.id, url: 'https://example.org/', tab, frameId: 0 }, ff)).toBe('content');
  });
});

describe('mayCall', () => {
  it('lets content scripts and other senders call nothing at all', () => {
    // Content scripts hand back extraction results as the return value of executeScript;
    // they have no message of their own.
    for (const name of Object.keys(ALLOWED_SENDERS) as MessageName[]) {
      expect(mayCall(name, 'content'), name).toBe(false);
      expect(mayCall(name, 'foreign'), name).toBe(false);
    }
  });

  it('lets the extension pages delete, import, export, restore and clear', () => {
    for (const name of ['clipping.delete', 'clipping.restore', 'clipping.save', 'clipping.update', 'library.import', 'library.clear', 'page.extract'] as MessageName[]) {
      expect(mayCall(name, 'page'), name).toBe(true);
    }
  });

  it('knows no inherited names', () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) expect(mayCall(name as MessageName, 'page')).toBe(false);
  });
});
