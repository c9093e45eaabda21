/**
 * The commission's quorum rule, configurable. Default: more than half of all members present, and a
 * majority of those present took part in the vote.
 */
export interface QuorumRule {
  /** Present members must exceed this share of all members (0.5: more than half). */
  presentShare: number;
  /** Votes cast must exceed this share of the members present (0.5: a majority of those present). */
  votingShare: number;
}

export const defaultQuorumRule: QuorumRule = { presentShare: 0.5, votingShare: 0.5 };

export interface QuorumFacts {
  totalMembers: number;
  present: number;
  votesCast: number;
}

export interface QuorumVerdict {
  reached: boolean;
  /** The smallest attendance and the smallest number of votes that reach it. */
  requiredPresent: number;
  requiredVotes: number;
  note: string;
}

const moreThan = (share: number, of: number) => Math.floor(share * of) + 1;

export function evaluateQuorum(facts: QuorumFacts, rule: QuorumRule = defaultQuorumRule): QuorumVerdict {
  const requiredPresent = moreThan(rule.presentShare, facts.totalMembers);
  const requiredVotes = moreThan(rule.votingShare, facts.present);
  if (facts.totalMembers <= 0) {
    return { reached: false, requiredPresent, requiredVotes, note: 'the commission has no members' };
  }
  if (facts.present < requiredPresent) {
    return { reached: false, requiredPresent, requiredVotes, note: `${facts.present} of ${facts.totalMembers} members present, ${requiredPresent} needed` };
  }
  if (facts.votesCast < requiredVotes) {
    return { reached: false, requiredPresent, requiredVotes, note: `${facts.votesCast} of ${facts.present} members present voted, ${requiredVotes} needed` };
  }
  return { reached: true, requiredPresent, requiredVotes, note: `${facts.present} of ${facts.totalMembers} present, ${facts.votesCast} voted` };
}
