// Golden fixtures (fixtures/extract/<slug>): real pages, each with the text and metadata Sift must
// extract from it. A change in output fails here; when the change is intended, regenerate with
//   UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts
// and review the diff of expected.json files like code.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFixture, readFixture } from '../bench/lib/fixture.ts';
import { ROOT } from './helpers.ts';

const DIR = join(ROOT, 'fixtures/extract');
const update = process.env.UPDATE_FIXTURES === '1';
const slugs = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('golden extraction fixtures', () => {
  it('has the seed page and at least twenty real pages', () => {
    expect(slugs).toContain('seed');
    expect(slugs.length).toBeGreaterThanOrEqual(21);
  });

  for (const slug of slugs) {
    it(slug, () => {
      const { bytes, expected } = readFixture(join(DIR, slug));
      const got = extractFixture(bytes, expected.source.url);
      if (update) {
        writeFileSync(join(DIR, slug, 'expected.json'), `${JSON.stringify({ source: expected.source, ...got }, null, 2)}\n`);
        return;
      }
      expect(got.readability).toEqual(expected.readability);
      // Metadata first (a short diff), then the text line by line.
      const { text, ...meta } = got.article ?? { text: '' };
      const { text: want, ...wantMeta } = expected.article ?? { text: '' };
      expect(meta).toEqual(wantMeta);
      expect(String(text).split('\n')).toEqual(String(want).split('\n'));
    });
  }
});
