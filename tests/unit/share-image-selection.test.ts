import { expect, it } from 'vitest';
import { articleShareImagePath, chooseShareImages } from '../../src/lib/share-image/selection.ts';

const list = [{ slug: 'newest' }, { slug: 'newer' }, { slug: 'old-one' }];

it('chooses the newest of the list it is given, whatever ran before', () => {
  expect([...chooseShareImages(list, 2)]).toEqual(['newest', 'newer']);
  // Another list, another answer: nothing is remembered between lists.
  expect([...chooseShareImages([{ slug: 'old-one' }], 2)]).toEqual(['old-one']);
  expect([...chooseShareImages(list, 5)]).toEqual(['newest', 'newer', 'old-one']);
  // The same list and count give the same set (feeds and pages of one build agree).
  expect(chooseShareImages(list, 2)).toBe(chooseShareImages(list, 2));
});

it('gives articles outside the choice the site card', () => {
  const chosen = chooseShareImages(list, 1);
  expect(articleShareImagePath('zh-Hans', 'newest', chosen.has('newest'))).toBe('/zh-hans/articles/newest/share.png');
  expect(articleShareImagePath('zh-Hant', 'old-one', chosen.has('old-one'))).toBe('/zh-hant/share.png');
});
