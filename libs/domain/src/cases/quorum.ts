import { ConclusionRecommendation, DecisionOutcome, type CodeParams, type QuorumRefusalCode } from '@aqtalu/contracts';

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
  /** Why not, as a code with params, for the API and the back office; `null` when reached. */
  refusal: QuorumRefusal | null;
  /** The same in English words (reached or not). */
  note: string;
}

export type QuorumRefusal = { [C in QuorumRefusalCode]: { code: C; params: CodeParams[C] } }[QuorumRefusalCode];

const moreThan = (share: number, of: number) => Math.floor(share * of) + 1;

export function evaluateQuorum(facts: QuorumFacts, rule: QuorumRule = defaultQuorumRule): QuorumVerdict {
  const requiredPresent = moreThan(rule.presentShare, facts.totalMembers);
  const requiredVotes = moreThan(rule.votingShare, facts.present);
  if (facts.totalMembers <= 0) {
    return { reached: false, requiredPresent, requiredVotes, refusal: { code: 'quorum.no_members', params: {} }, note: 'the commission has no members' };
  }
  if (facts.present < requiredPresent) {
    return {
      reached: false, requiredPresent, requiredVotes,
      refusal: { code: 'quorum.too_few_present', params: { present: facts.present, total: facts.totalMembers, required: requiredPresent } },
      note: `${facts.present} of ${facts.totalMembers} members present, ${requiredPresent} needed`,
    };
  }
  if (facts.votesCast < requiredVotes) {
    return {
      reached: false, requiredPresent, requiredVotes,
      refusal: { code: 'quorum.too_few_votes', params: { votes: facts.votesCast, present: facts.present, required: requiredVotes } },
      note: `${facts.votesCast} of ${facts.present} members present voted, ${requiredVotes} needed`,
    };
  }
  return { reached: true, requiredPresent, requiredVotes, refusal: null, note: `${facts.present} of ${facts.totalMembers} present, ${facts.votesCast} voted` };
}

// The decision bound to the votes ---------------------------------------------------------------------

/** The votes cast on an agenda item: members vote for or against the working group's recommendation, or abstain. */
export interface VoteTally {
  for: number;
  against: number;
  abstain: number;
}

/** What each recommendation of a conclusion asks the commission to decide. */
export const outcomeOfRecommendation: { readonly [R in ConclusionRecommendation]: DecisionOutcome } = {
  [ConclusionRecommendation.Rehabilitate]: DecisionOutcome.Rehabilitated,
  [ConclusionRecommendation.Reject]: DecisionOutcome.Rejected,
  [ConclusionRecommendation.InsufficientEvidence]: DecisionOutcome.ReturnedForEvidence,
};

/**
 * The side that has more than half of the votes cast (abstentions are votes cast, so they count
 * against both sides); `null` when neither has — a tie, or too many abstentions.
 */
export function majorityOf(tally: VoteTally): 'for' | 'against' | null {
  const cast = tally.for + tally.against + tally.abstain;
  if (tally.for * 2 > cast) return 'for';
  if (tally.against * 2 > cast) return 'against';
  return null;
}

/**
 * The outcomes the votes support, so the only ones the chair may record (the commission's rules allow
 * no overruling): a majority for the recommendation supports its outcome; a majority against supports
 * any other outcome; without a majority (a tie, or too many abstentions) the case goes back for more
 * evidence, the one outcome that decides nothing about the person.
 */
export function supportedOutcomes(tally: VoteTally, recommendation: ConclusionRecommendation | null): DecisionOutcome[] {
  const majority = recommendation === null ? null : majorityOf(tally);
  if (majority === null) return [DecisionOutcome.ReturnedForEvidence];
  const recommended = outcomeOfRecommendation[recommendation!];
  return majority === 'for' ? [recommended] : Object.values(DecisionOutcome).filter((outcome) => outcome !== recommended);
}
