import { EvidenceProposalKind, EvidenceProposalStatus } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { keepUndecided, type Proposal, selectionOf, undecided } from './proposals';

const proposal = (id: string, kind: EvidenceProposalKind, status = EvidenceProposalStatus.Proposed, personId: string | null = null): Proposal => ({
  id, kind, text: id, page: 1, personId, personName: personId ? 'Сейфуллин Сәкен' : null, score: personId ? 0.9 : null, status,
});

describe('proposals of a document', () => {
  const rows = [
    proposal('ref', EvidenceProposalKind.Reference),
    proposal('date', EvidenceProposalKind.Date, EvidenceProposalStatus.Confirmed),
    proposal('matched', EvidenceProposalKind.Person, EvidenceProposalStatus.Proposed, 'p1'),
    proposal('unmatched', EvidenceProposalKind.Person),
  ];

  it('counts only the undecided ones as waiting', () => {
    expect(undecided(rows).map((row) => row.id)).toEqual(['ref', 'matched', 'unmatched']);
  });

  it('decides only undecided selected proposals and names the names with no registry match', () => {
    const sut = selectionOf(rows, new Set(['ref', 'date', 'unmatched', 'matched']));
    expect(sut.ids).toEqual(['ref', 'matched', 'unmatched']);
    expect(sut.namesWithoutMatch.map((row) => row.id)).toEqual(['unmatched']);
    expect(selectionOf(rows, new Set(['ref', 'matched'])).namesWithoutMatch).toEqual([]);
  });

  it('drops decided proposals from the selection after a decision', () => {
    const after = rows.map((row) => (row.id === 'ref' ? { ...row, status: EvidenceProposalStatus.Confirmed } : row));
    expect([...keepUndecided(new Set(['ref', 'matched']), after)]).toEqual(['matched']);
  });
});
