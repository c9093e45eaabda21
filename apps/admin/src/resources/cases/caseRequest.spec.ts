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
});
