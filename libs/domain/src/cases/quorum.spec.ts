import { describe, expect, it } from 'vitest';
import { evaluateQuorum } from './quorum.js';

describe('quorum', () => {
  it('is reached with more than half of all members present and a majority of them voting', () => {
    expect(evaluateQuorum({ totalMembers: 7, present: 4, votesCast: 3 })).toMatchObject({ reached: true, requiredPresent: 4, requiredVotes: 3 });
  });

  it('is not reached with exactly half present', () => {
    expect(evaluateQuorum({ totalMembers: 8, present: 4, votesCast: 4 })).toMatchObject({ reached: false, note: '4 of 8 members present, 5 needed' });
  });

  it('is not reached when too few of those present vote', () => {
    expect(evaluateQuorum({ totalMembers: 5, present: 5, votesCast: 2 })).toMatchObject({ reached: false, note: '2 of 5 members present voted, 3 needed' });
  });

  it('follows a configured rule', () => {
    const twoThirds = { presentShare: 2 / 3, votingShare: 0.5 };
    expect(evaluateQuorum({ totalMembers: 9, present: 6, votesCast: 6 }, twoThirds).reached).toBe(false);
    expect(evaluateQuorum({ totalMembers: 9, present: 7, votesCast: 6 }, twoThirds).reached).toBe(true);
  });

  it('is never reached by a commission without members', () => {
    expect(evaluateQuorum({ totalMembers: 0, present: 0, votesCast: 0 }).reached).toBe(false);
  });
});
