import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isCode } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { ListQueryError } from './list-query.js';

const root = join(import.meta.dirname, '../../../..');
const sources = ['apps/api/src', 'libs/server/src'];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : filesUnder(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('refusals of the API', () => {
  it('are thrown with a code of the catalogue, never as English prose alone', () => {
    const prose: string[] = [];
    for (const file of sources.flatMap((folder) => filesUnder(join(root, folder)))) {
      const text = readFileSync(file, 'utf8');
      // Nest's own exceptions take a message; one that carries `code` (the validation pipe's) is coded.
      for (const match of text.matchAll(/new (BadRequest|NotFound|Conflict|Forbidden|Unauthorized|UnprocessableEntity|Gone|PayloadTooLarge)Exception\(/g)) {
        const call = text.slice(match.index, match.index + 300);
        if (!/\bcode\b/.test(call)) prose.push(`${relative(root, file)}:${text.slice(0, match.index).split('\n').length}`);
      }
    }
    expect(prose).toEqual([]);
  });

  it('of the list dialect are codes of the catalogue, which the back office translates', () => {
    expect(Object.values(ListQueryError).filter((code) => !isCode(code))).toEqual([]);
  });
});
