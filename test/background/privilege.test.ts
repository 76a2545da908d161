import { describe, expect, it } from 'vitest';
import { mayCall, senderKind } from '../../src/background/privilege.ts';
import { ALLOWED_SENDERS, type MessageName } from '../../src/shared/protocol.ts';

const self = { id: 'ext-id', base: 'chrome-extension://ext-id/' };

describe('privilege', () => {
  it('counts only documents of the extension origin as pages, even in a tab', () => {
    expect(senderKind({ id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' }, self)).toBe('page');
    expect(senderKind({ id: 'ext-id', url: 'chrome-extension://ext-id/src/library/index.html', tab: { id: 3 } as never, frameId: 0 }, self)).toBe('page');
  });

  it('treats content scripts and other extensions as such', () => {
    expect(senderKind({ id: 'ext-id', url: 'https://evil.example/', tab: { id: 3 } as never }, self)).toBe('content');
    expect(senderKind({ id: 'other', url: 'chrome-extension://other/x.html' }, self)).toBe('foreign');
    expect(senderKind({ id: 'ext-id', url: 'chrome-extension://ext-id.evil/' , tab: { id: 1 } as never }, self)).toBe('content');
  });

  it('lets content scripts call nothing privileged', () => {
    for (const name of Object.keys(ALLOWED_SENDERS) as MessageName[]) {
      expect(mayCall(name, 'content')).toBe(false);
      expect(mayCall(name, 'foreign')).toBe(false);
    }
    expect(mayCall('clipping.delete', 'page')).toBe(true);
    expect(mayCall('toString' as MessageName, 'page')).toBe(false);
  });
});
