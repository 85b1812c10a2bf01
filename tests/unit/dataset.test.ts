/** content/dataset.ndjson is what content/ gives (npm run dataset), so the lake serves the same samples. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { datasetFromContent } from '../../scripts/sanity-dataset.ts';

it('content/dataset.ndjson is up to date with content/ (else: npm run dataset)', async () => {
  const { docs, assets } = await datasetFromContent();
  const expected = [...assets.map(({ file: _file, ...a }) => a), ...docs].map((d) => JSON.stringify(d)).join('\n') + '\n';
  expect(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'dataset.ndjson'), 'utf8')).toBe(expected);
});
