import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtml } from '../../src/cli/decode.ts';

const page = (body: string, head = ''): string => `<html><head>${head}</head><body><p>${body}</p></body></html>`;

// Legacy encoders are not in Node; the bytes below were made with iconv from the same text.
const GBK_NI_HAO = [0xc4, 0xe3, 0xba, 0xc3]; // 你好
const BIG5_NI_HAO = [0xa7, 0x41, 0xa6, 0x6e]; // 你好

function bytes(prefix: string, mid: number[], suffix: string): Uint8Array {
  const enc = new TextEncoder();
  return new Uint8Array([...enc.encode(prefix), ...mid, ...enc.encode(suffix)]);
}

describe('charset detection for the CLI', () => {
  it('follows a byte order mark', () => {
    const b = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page('é'))]);
    expect(decodeHtml(b)).toMatchObject({ encoding: 'utf-8' });
    expect(decodeHtml(b).text).toContain('<p>é</p>');
  });

  it('reads <meta charset> and http-equiv declarations in the head', () => {
    expect(declaredCharset(new TextEncoder().encode(page('x', '<meta charset="gbk">')))).toBe('gb18030');
    expect(declaredCharset(new TextEncoder().encode(page('x', '<meta http-equiv="Content-Type" content="text/html; charset=Big5">')))).toBe('big5');
    expect(declaredCharset(new TextEncoder().encode(page('x', '<meta charset="ISO-8859-1">')))).toBe('windows-1252');
    // A declaration inside the body is not the page's.
    expect(declaredCharset(new TextEncoder().encode(`<html><head></head><body><meta charset="big5"></body></html>`))).toBeNull();
  });

  it('decodes declared legacy pages', () => {
    const gbk = bytes('<html><head><meta charset="gb2312"></head><body><p>', GBK_NI_HAO, '</p></body></html>');
    expect(decodeHtml(gbk).text).toContain('你好');
    const big5 = bytes('<html><head><meta http-equiv="content-type" content="text/html; charset=big5"></head><body><p>', BIG5_NI_HAO, '</p></body></html>');
    expect(decodeHtml(big5).text).toContain('你好');
  });

  it('trusts valid UTF-8 over a stale declaration', () => {
    const b = new TextEncoder().encode(page('Grüße 你好', '<meta charset="iso-8859-1">'));
    expect(decodeHtml(b)).toMatchObject({ encoding: 'utf-8' });
    expect(decodeHtml(b).text).toContain('Grüße 你好');
  });

  it('guesses undeclared legacy pages from how the text reads', () => {
    // "据美国国务院对外发布的消息" in GBK, repeated so there is enough to judge.
    const gbkSentence = [0xbe, 0xdd, 0xc3, 0xc0, 0xb9, 0xfa, 0xb9, 0xfa, 0xce, 0xf1, 0xd4, 0xba, 0xb6, 0xd4, 0xcd, 0xe2, 0xb7, 0xa2, 0xb2, 0xbc, 0xb5, 0xc4, 0xcf, 0xfb, 0xcf, 0xa2];
    const gbk = bytes('<html><body><p>', [...gbkSentence, ...gbkSentence], '</p></body></html>');
    const out = decodeHtml(gbk);
    expect(out.encoding).toBe('gb18030');
    expect(out.text).toContain('据美国国务院对外发布的消息');
    const latin = new Uint8Array([...new TextEncoder().encode('<p>Gr'), 0xfc, 0xdf, 0x65, ...new TextEncoder().encode(' aus K'), 0xf6, ...new TextEncoder().encode('ln</p>')]);
    expect(decodeHtml(latin)).toMatchObject({ encoding: 'windows-1252' });
    expect(decodeHtml(latin).text).toContain('Grüße aus Köln');
  });
});
