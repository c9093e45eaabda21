import { describe, expect, it } from 'vitest';
import { toCreateCaseRequest } from './caseRequest';

describe('the create-case request', () => {
  it('leaves out empty applicant fields and nameless subject rows', () => {
    const sut = toCreateCaseRequest({
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      summary: '  ',
      applicant: { kind: 'relative', name: 'Айгерім', email: '', phone: null, kinship: 'granddaughter' },
      subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: '', birthYear: '1896' }, { birthYear: '1900' }, null],
    });
    expect(sut).toEqual({
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      applicant: { kind: 'relative', name: 'Айгерім', kinship: 'granddaughter' },
      subjects: [{ nameKk: 'Жұмабаев Қабдолла', birthYear: '1896' }],
    });
  });

  it('sends a subject found in the registry as its person id only', () => {
    const sut = toCreateCaseRequest({
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      applicant: { kind: 'relative', name: 'Айгерім' },
      subjects: [{ personId: '0d1f6c38-5f0e-4a43-9d2b-7f2c8d1e4b11', nameKk: 'typed before the search', birthYear: '' }],
    });
    expect(sut.subjects).toEqual([{ personId: '0d1f6c38-5f0e-4a43-9d2b-7f2c8d1e4b11' }]);
  });
});
