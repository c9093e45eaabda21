import { ConclusionRecommendation, DecisionOutcome } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { evaluateQuorum, majorityOf, supportedOutcomes } from './quorum.js';

describe('quorum', () => {
  it('is reached with more than half of all members present and a majority of them voting', () => {
    expect(evaluateQuorum({ totalMembers: 7, present: 4, votesCast: 3 })).toMatchObject({ reached: true, requiredPresent: 4, requiredVotes: 3 });
  });

  it('is not reached with exactly half present', () => {
    expect(evaluateQuorum({ totalMembers: 8, present: 4, votesCast: 4 })).toMatchObject({
      reached: false,
      refusal: { code: 'quorum.too_few_present', params: { present: 4, total: 8, required: 5 } },
      note: '4 of 8 members present, 5 needed',
    });
  });

  it('is not reached when too few of those present vote', () => {
    expect(evaluateQuorum({ totalMembers: 5, present: 5, votesCast: 2 })).toMatchObject({
      reached: false,
      refusal: { code: 'quorum.too_few_votes', params: { votes: 2, present: 5, required: 3 } },
      note: '2 of 5 members present voted, 3 needed',
    });
  });

  it('follows a configured rule', () => {
    const twoThirds = { presentShare: 2 / 3, votingShare: 0.5 };
    expect(evaluateQuorum({ totalMembers: 9, present: 6, votesCast: 6 }, twoThirds).reached).toBe(false);
    expect(evaluateQuorum({ totalMembers: 9, present: 7, votesCast: 6 }, twoThirds).reached).toBe(true);
  });

  it('is never reached by a commission without members', () => {
    expect(evaluateQuorum({ totalMembers: 0, present: 0, votesCast: 0 })).toMatchObject({ reached: false, refusal: { code: 'quorum.no_members' } });
  });
});

describe('the decision the votes support', () => {
  it('takes a majority as more than half of the votes cast, abstentions included', () => {
    expect(majorityOf({ for: 4, against: 0, abstain: 1 })).toBe('for');
    expect(majorityOf({ for: 1, against: 3, abstain: 0 })).toBe('against');
    expect(majorityOf({ for: 2, against: 2, abstain: 0 })).toBeNull();
    expect(majorityOf({ for: 2, against: 1, abstain: 2 })).toBeNull();
    expect(majorityOf({ for: 0, against: 0, abstain: 0 })).toBeNull();
  });

  it('supports the recommended outcome when the majority is for it', () => {
    expect(supportedOutcomes({ for: 4, against: 0, abstain: 1 }, ConclusionRecommendation.Rehabilitate)).toEqual([DecisionOutcome.Rehabilitated]);
    expect(supportedOutcomes({ for: 3, against: 1, abstain: 0 }, ConclusionRecommendation.InsufficientEvidence)).toEqual([DecisionOutcome.ReturnedForEvidence]);
  });

  it('supports any other outcome when the majority is against the recommendation', () => {
    expect(supportedOutcomes({ for: 1, against: 4, abstain: 0 }, ConclusionRecommendation.Rehabilitate)).toEqual([DecisionOutcome.Rejected, DecisionOutcome.ReturnedForEvidence]);
    expect(supportedOutcomes({ for: 0, against: 3, abstain: 0 }, ConclusionRecommendation.Reject)).toEqual([DecisionOutcome.Rehabilitated, DecisionOutcome.ReturnedForEvidence]);
  });

  it('supports only a return for more evidence on a tie or without a recommendation', () => {
    expect(supportedOutcomes({ for: 2, against: 2, abstain: 0 }, ConclusionRecommendation.Rehabilitate)).toEqual([DecisionOutcome.ReturnedForEvidence]);
    expect(supportedOutcomes({ for: 5, against: 0, abstain: 0 }, null)).toEqual([DecisionOutcome.ReturnedForEvidence]);
  });
});
