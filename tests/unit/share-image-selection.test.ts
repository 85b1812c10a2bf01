import { afterEach, expect, it } from 'vitest';
import { articleShareImagePath, chooseShareImages, hasOwnShareImage } from '../../src/lib/share-image/selection.ts';

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('tongbao.shareImageSlugs')];
});

it('gives every article its own card until a build has chosen', () => {
  expect(hasOwnShareImage('any')).toBe(true);
  expect(articleShareImagePath('zh-Hant', 'any')).toBe('/zh-hant/articles/any/share.png');
});

it('gives older articles the site card once the newest are chosen', () => {
  chooseShareImages(['new-one']);
  expect(articleShareImagePath('zh-Hans', 'new-one')).toBe('/zh-hans/articles/new-one/share.png');
  expect(hasOwnShareImage('old-one')).toBe(false);
  expect(articleShareImagePath('zh-Hans', 'old-one')).toBe('/zh-hans/share.png');
});
