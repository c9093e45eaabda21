import { ApplicantKind } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { redirectAfterEdit, regionMove, toCaseChanges } from './caseEdit';

describe('case edit', () => {
  it('returns to the case, or to the list when a region member moved the case out of their region', () => {
    expect(redirectAfterEdit({ regionCode: 'ALM' }, 'ALM')).toBe('show');
    expect(redirectAfterEdit({ regionCode: 'ZHA' }, 'ALM')).toBe('list');
    // the secretary works every region
    expect(redirectAfterEdit({ regionCode: 'ZHA' }, null)).toBe('show');
  });

  it('tells a region change from a case that stays', () => {
    expect(regionMove({ regionCode: 'ALM' }, { regionCode: 'ZHA' })).toEqual({ from: 'ALM', to: 'ZHA' });
    expect(regionMove({ regionCode: 'ALM' }, { regionCode: 'ALM' })).toBeNull();
    expect(regionMove(undefined, { regionCode: 'ZHA' })).toBeNull();
  });

  it('sends no empty applicant field (the API checks each field it gets)', () => {
    const sut = toCaseChanges({
      id: 'c1',
      version: 3,
      regionCode: 'ALM',
      categoryCode: 'alash',
      summary: 'x',
      applicant: { kind: ApplicantKind.Relative, name: 'Әлия', kinship: null, kinshipProof: '', email: ' ', phone: '+7 701', address: null },
    });
    expect(sut.applicant).toEqual({ kind: ApplicantKind.Relative, name: 'Әлия', phone: '+7 701' });
    expect(sut.version).toBe(3);
  });
});
