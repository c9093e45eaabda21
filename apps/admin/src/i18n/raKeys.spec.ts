import english from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { kk } from './kk';
import { ru } from './ru';

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));

describe('react-admin’s own messages', () => {
  // A key react-admin has and a translation lacks shows in English on a Kazakh or Russian screen.
  it.each([
    ['kk', kk],
    ['ru', ru],
  ])('%s has every message of react-admin’s English', (_name, messages) => {
    const have = new Set(keysOf(messages.ra as Tree, 'ra.'));
    expect(keysOf(english.ra as Tree, 'ra.').filter((key) => !have.has(key))).toEqual([]);
  });
});
