import { describe, expect, it, vi } from 'vitest';

// Only the browser's answer is a "no" (src/background/capture/host-permission.ts): an error from
// permissions.contains (a worker being stopped mid-call) must not park an import item as
// "needs permission"; it goes up to the queue, which tries the item again.

let answer: () => Promise<boolean> = async () => true;
const asked: string[][] = [];
vi.mock('webextension-polyfill', () => ({
  default: { permissions: { contains: (p: { origins: string[] }) => (asked.push(p.origins), answer()) } },
}));
const { hasHostPermission } = await import('../../src/background/capture/host-permission.ts');

describe('the host permission check', () => {
  it("asks for the page's site and passes the browser's answer on", async () => {
    expect(await hasHostPermission('https://news.example.org:8443/a/b?c')).toBe(true);
    expect(asked.at(-1)).toEqual(['https://news.example.org/*']);
    answer = async () => false;
    expect(await hasHostPermission('http://127.0.0.1:9000/x')).toBe(false);
    expect(asked.at(-1)).toEqual(['http://127.0.0.1/*']);
  });

  it('an address that is not one is a no; an error from the browser is an error, not a no', async () => {
    const before = asked.length;
    expect(await hasHostPermission('not a url')).toBe(false);
    expect(asked.length).toBe(before);
    answer = () => Promise.reject(new Error('Extension context invalidated.'));
    await expect(hasHostPermission('https://a.example/')).rejects.toThrow('Extension context invalidated.');
  });
});
