import { describe, expect, it } from 'vitest';
import { makeClipping } from '../../../src/core/clipping.ts';
import { clipDocProblem, clippingIdOf, toDoc, MAX_DOC_CHARS } from '../../../src/core/sync/doc.ts';
import { nextRecord } from '../../../src/core/sync/merge.ts';
import { completeShared, pickShared, sameShared, sharedSettingsProblem } from '../../../src/core/sync/shared-settings.ts';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings.ts';
import { checkDatabaseName, checkServerUrl, configProblems, perUserDatabase, validateSyncConfig } from '../../../src/core/sync/settings.ts';

const clip = () =>
  makeClipping(
    'abcdefgh-1',
    {
      title: '<img src=x onerror=alert(1)>',
      byline: null,
      siteName: null,
      publishedTime: null,
      modifiedTime: null,
      lang: null,
      dir: 'ltr',
      url: 'https://example.org/',
      canonicalUrl: 'https://example.org/',
      sourceUrl: null,
      leadImage: null,
      excerpt: null,
      wordCount: 1,
      readingMinutes: 1,
      html: '<p>x</p>',
      text: 'x',
    },
    [],
  );

describe('server documents', () => {
  it('accepts a Sift clipping document (markup in a title is text, sanitised at render time)', () => {
    const doc = toDoc(nextRecord(clip(), undefined));
    expect(doc._id).toBe('clip:abcdefgh-1');
    expect(clippingIdOf(doc._id)).toBe('abcdefgh-1');
    expect(clipDocProblem(doc)).toBeNull();
  });

  it('refuses documents of the wrong shape, with a reason', () => {
    const good = toDoc(nextRecord(clip(), undefined));
    expect(clipDocProblem(null)).toBe('not an object');
    expect(clipDocProblem({ _id: 'other' })).toBe('not a clipping');
    expect(clipDocProblem({ ...good, type: 'x' })).toBe('wrong type');
    expect(clipDocProblem({ ...good, clipping: { ...good.clipping, text: 5 } })).toBe('no content');
    expect(clipDocProblem({ ...good, _id: 'clip:zzzzzzzz-2' })).toBe('id does not match the document');
    expect(clipDocProblem({ ...good, meta: { noteFrom: 'x' } })).toBe('bad note history');
    expect(clipDocProblem({ ...good, meta: { ...good.meta, noteAt: 1 } })).toBe('bad times');
    expect(clipDocProblem({ ...good, clipping: { ...good.clipping, annotations: [{ nope: 1 }] } })).toMatch(/^annotation 0: /);
    expect(clipDocProblem({ ...good, clipping: { ...good.clipping, schema: 99 } })).toBe('newer schema than this version of Sift');
    expect(clipDocProblem(good, MAX_DOC_CHARS + 1)).toBe('too large');
  });
});

describe('sync settings', () => {
  it('accepts https anywhere and http only on this machine', () => {
    expect(checkServerUrl('https://couch.example.org/')).toEqual({ ok: true, base: 'https://couch.example.org', origin: 'https://couch.example.org', permission: 'https://couch.example.org/*' });
    expect(checkServerUrl(' https://example.org/couch/ ')).toMatchObject({ ok: true, base: 'https://example.org/couch' });
    expect(checkServerUrl('http://127.0.0.1:5984')).toMatchObject({ ok: true, origin: 'http://127.0.0.1:5984', permission: 'http://127.0.0.1/*' });
    expect(checkServerUrl('http://localhost:5984')).toMatchObject({ ok: true });
    expect(checkServerUrl('http://couch.example.org')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkServerUrl('http://192.168.1.2:5984')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkServerUrl('ftp://example.org')).toEqual({ ok: false, problem: 'scheme' });
    expect(checkServerUrl('couch.example.org')).toEqual({ ok: false, problem: 'not-a-url' });
    expect(checkServerUrl('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkServerUrl('https://me:secret@example.org')).toEqual({ ok: false, problem: 'credentials-in-url' });
    expect(checkServerUrl('https://example.org/?a=1')).toEqual({ ok: false, problem: 'query' });
  });

  it('checks database names as CouchDB does and names per-user databases like couch_peruser', () => {
    expect(checkDatabaseName('sift')).toBeNull();
    expect(checkDatabaseName('userdb-616c696365')).toBeNull();
    expect(checkDatabaseName('Sift')).toBe('bad-name');
    expect(checkDatabaseName('')).toBe('empty');
    expect(perUserDatabase('alice')).toBe('userdb-616c696365');
    expect(perUserDatabase('张')).toBe('userdb-e5bca0');
  });

  it('repairs stored configs and lists what stops sync being turned on', () => {
    expect(validateSyncConfig({ enabled: 'yes', url: 3 })).toEqual({ enabled: false, url: '', database: '', user: '', password: '' });
    expect(configProblems({ enabled: true, url: 'http://example.org', database: 'X', user: ' ', password: '' }).map((p) => p.field)).toEqual([
      'url',
      'database',
      'user',
      'password',
    ]);
  });
});

describe('settings that travel', () => {
  const doc = (values: object) => ({ _id: 'settings:shared', type: 'settings', at: '2026-03-01T00:00:00.000Z', values });
  const base = pickShared(structuredClone(DEFAULT_SETTINGS));

  it('carry the theme, the highlight types and the colour labels', () => {
    const labelled = { ...base, highlightLabels: { ...base.highlightLabels, yellow: 'important' } };
    expect(sameShared(base, labelled)).toBe(false);
    expect(sharedSettingsProblem(doc(labelled))).toBeNull();
    expect(sharedSettingsProblem(doc({ ...base, highlightLabels: { yellow: 5 } }))).toBe('bad colour labels');
    expect(sharedSettingsProblem(doc({ ...base, highlightLabels: 'x' }))).toBe('bad colour labels');
  });

  it('a document from before labels travelled keeps this device\'s labels', () => {
    const local = { ...base, highlightLabels: { ...base.highlightLabels, green: 'to check' } };
    const { highlightLabels: _, ...old } = { ...base, theme: 'dark' as const };
    expect(sharedSettingsProblem(doc(old))).toBeNull();
    expect(completeShared(old, local)).toEqual({ ...local, theme: 'dark' });
  });
});
