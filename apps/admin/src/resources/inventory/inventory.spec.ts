import { DeclassificationStatus } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { inventoryTree } from './inventory';

const file = (fond: string, opis: string, status = DeclassificationStatus.Unknown) => ({ fond, opis, status });

describe('an archive inventory as a tree', () => {
  it('groups files as fonds → opisi in archival order, counting files and declassified files', () => {
    const sut = inventoryTree([
      file('141', '1', DeclassificationStatus.Declassified),
      file('10', '2'),
      file('141', '1'),
      file('2', '1', DeclassificationStatus.Declassified),
      file('141', '10а'),
      file('141', '2'),
    ]);
    expect(sut.map((fond) => fond.fond)).toEqual(['2', '10', '141']);
    expect(sut[2]).toEqual({
      fond: '141',
      files: 4,
      opisi: [
        { opis: '1', files: 2, declassified: 1 },
        { opis: '2', files: 1, declassified: 0 },
        { opis: '10а', files: 1, declassified: 0 },
      ],
    });
  });

  it('is empty for an archive with no files', () => {
    expect(inventoryTree([])).toEqual([]);
  });
});
