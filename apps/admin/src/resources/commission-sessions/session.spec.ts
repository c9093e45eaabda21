import { Role, VoteChoice } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { candidateLabel, isCaseId, tally, toggledAttendance } from './session';

describe('the commission session screen', () => {
  const attendance = [
    { userId: 'a', name: 'A', role: Role.Chair, present: true },
    { userId: 'b', name: 'B', role: Role.CommissionMember, present: false },
    { userId: 'c', name: 'C', role: Role.CommissionMember, present: true },
  ];

  it('sends everyone present after ticking a member', () => {
    expect(toggledAttendance(attendance, 'b', true)).toEqual(['a', 'b', 'c']);
  });

  it('sends everyone present but the member unticked', () => {
    expect(toggledAttendance(attendance, 'a', false)).toEqual(['c']);
  });

  it('counts the votes by choice', () => {
    const vote = (choice: VoteChoice) => ({ memberId: choice, name: choice, choice, dissentingOpinion: null });
    expect(tally([vote(VoteChoice.For), vote(VoteChoice.For), vote(VoteChoice.Abstain)])).toEqual({ for: 2, against: 0, abstain: 1 });
  });

  it('tells a case id from a case number', () => {
    expect(isCaseId('8c0f0d6e-1f0b-4a8e-9c1d-2f3a4b5c6d7e')).toBe(true);
    expect(isCaseId('ALM-2026-0001')).toBe(false);
  });

  it('names a case awaiting the commission by its number and the persons it is about', () => {
    expect(candidateLabel({ number: 'ALM-2026-000004', subjects: ['Сәкен Сейфуллин', 'Ілияс Жансүгіров'] })).toBe('ALM-2026-000004 — Сәкен Сейфуллин; Ілияс Жансүгіров');
    expect(candidateLabel({ number: 'ALM-2026-000005', subjects: [] })).toBe('ALM-2026-000005');
  });
});
