import { describe, expect, it } from 'vitest';
import { guardDecision, guardRules, PRIVATE_HOST_PATTERNS } from '../../src/core/private-host-rules.ts';
import { privateAddressReason } from '../../src/core/url-policy.ts';

// The declarativeNetRequest guard must refuse exactly what the capture's own check refuses, on
// URLs as the browser writes them (new URL(...).href: hosts lower-cased, IPv4 dotted, IPv6
// compressed, IPv4-mapped IPv6 in hex).

const PRIVATE = [
  'http://127.0.0.1/', 'http://127.1/', 'http://2130706433/x', 'http://0x7f.0.0.1:8080/', 'http://0177.0.0.1/',
  'http://10.0.0.5/admin', 'http://10.255.255.255:81/', 'http://0.0.0.0/', 'http://169.254.169.254/latest/meta-data/',
  'http://172.16.0.1/', 'http://172.31.255.1/', 'http://192.168.1.1/', 'http://100.64.0.1/', 'http://100.127.0.1/',
  'http://224.0.0.1/', 'http://255.255.255.255/', 'https://user:pw@192.168.0.10/', 'http://192.168.0.10?x', 'http://192.168.0.10#x',
  'http://[::1]/', 'http://[::]/', 'http://[fc00::1]/', 'http://[fd12:3456::1]:8080/', 'http://[fe80::1]/', 'http://[febf::1]/',
  'http://[::ffff:127.0.0.1]/', 'http://[::ffff:10.1.2.3]/', 'http://[::ffff:192.168.0.1]/', 'http://[::ffff:172.20.0.1]/',
  'http://[::ffff:169.254.1.1]/', 'http://[::ffff:0.0.0.1]/', 'http://[::ffff:100.64.1.1]/', 'http://[::ffff:e000:1]/',
  'http://localhost/', 'http://LOCALHOST:3000/', 'http://localhost./', 'http://api.localhost/', 'http://printer.local/',
  'http://nas.lan/', 'http://wiki.corp/', 'http://router.home.arpa/', 'http://db.internal/', 'http://x.localdomain/',
  'http://intranet/', 'http://couchdb:5984/', 'https://wiki/',
];
const PUBLIC = [
  'https://example.org/', 'http://93.184.216.34/', 'http://172.15.0.1/', 'http://172.32.0.1/', 'http://192.169.0.1/',
  'http://100.63.0.1/', 'http://100.128.0.1/', 'http://11.0.0.1/', 'http://126.0.0.1/', 'http://128.0.0.1/', 'http://169.253.0.1/',
  'http://223.255.255.255/', 'http://[2001:db8::1]/', 'http://[::ffff:8.8.8.8]/', 'http://[::ffff:172.32.0.1]/',
  'https://localhost.example.com/', 'https://local.example.org/a', 'https://example.local.com/', 'https://news.example.co.uk/x?y=192.168.0.1',
  'https://example.org/?next=http://127.0.0.1/', 'https://example.org/127.0.0.1/', 'https://user@example.org/', 'https://example.org:8443/',
];

const href = (s: string) => new URL(s).href;

describe('declarativeNetRequest guard rules', () => {
  const rules = guardRules({ allowLoopback: false, allowOrigins: [] });

  it.each(PRIVATE)('blocks %s, as the capture check does', (url) => {
    expect(privateAddressReason(new URL(url))).not.toBeNull();
    expect(guardDecision(rules, href(url))).toBe('block');
  });

  it.each(PUBLIC)('lets %s through, as the capture check does', (url) => {
    expect(privateAddressReason(new URL(url))).toBeNull();
    expect(guardDecision(rules, href(url))).toBeNull();
  });

  it('the e2e build allows exactly 127.0.0.1, nothing else of the machine', () => {
    const test = guardRules({ allowLoopback: true, allowOrigins: [] });
    expect(guardDecision(test, 'http://127.0.0.1:4000/x')).toBe('allow');
    for (const url of ['http://localhost:4000/', 'http://127.0.0.2/', 'http://[::1]/', 'http://10.0.0.1/']) expect(guardDecision(test, href(url)), url).toBe('block');
  });

  it("allows the user's own sync server (origin only), even on this machine", () => {
    const withSync = guardRules({ allowLoopback: false, allowOrigins: ['http://127.0.0.1:5984', 'https://NAS.local:6984'] });
    expect(guardDecision(withSync, 'http://127.0.0.1:5984/db/_changes?since=0')).toBe('allow');
    expect(guardDecision(withSync, 'https://nas.local:6984/')).toBe('allow');
    expect(guardDecision(withSync, 'http://127.0.0.1:5985/')).toBe('block');
    expect(guardDecision(withSync, 'http://127.0.0.1:59840/')).toBe('block');
  });

  it('are valid RE2-style patterns without look-around, each small', () => {
    for (const r of guardRules({ allowLoopback: true, allowOrigins: ['https://x.example'] })) {
      expect(r.condition.regexFilter).not.toMatch(/\(\?[=!<]/);
      expect(r.condition.regexFilter.length).toBeLessThan(300);
      expect(r.condition.tabIds).toEqual([-1]);
    }
    expect(PRIVATE_HOST_PATTERNS.length).toBeGreaterThan(0);
  });
});
