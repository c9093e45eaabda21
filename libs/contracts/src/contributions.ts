/**
 * Contributions to the Book of Memory ("I know more about this person"): what a visitor may tell, where it
 * stands in moderation, and why a moderator turns one down. Each rejection reason is a code of the
 * catalogue (codes.ts), e-mailed to the contributor in Kazakh and Russian.
 */

/** What a contribution may be about: a value as the source states it, or an episode with its date and place. */
export const contributionSubjects = [
  'nationality', 'occupation', 'social_position', 'party_membership',
  'arrest', 'sentence', 'camp', 'exile', 'release', 'death', 'execution',
] as const;
export type ContributionSubject = (typeof contributionSubjects)[number];

/** The subjects that are a repression episode (date and place), the rest being a value. */
export const contributionEpisodes: readonly ContributionSubject[] = ['arrest', 'sentence', 'camp', 'exile', 'release', 'death', 'execution'];

/** The languages a contributor writes in and is answered in (the public pages' languages). */
export const contributionLanguages = ['kk', 'ru', 'en'] as const;

export const contributionStatuses = ['pending', 'accepted', 'rejected'] as const;
export type ContributionStatus = (typeof contributionStatuses)[number];

/** The state of a contribution's scan: checked (sniffed, checksummed, scanned for malware) before a moderator sees it. */
export const contributionScanStates = ['none', 'pending', 'passed', 'quarantined'] as const;
export type ContributionScanState = (typeof contributionScanStates)[number];

/** Why a contribution is turned down: each is a code (`contribution.rejected_<reason>`) told to the contributor. */
export const contributionRejections = ['no_source', 'contradicts_records', 'other_person', 'already_known', 'unverifiable', 'scan_unsafe'] as const;
export type ContributionRejection = (typeof contributionRejections)[number];
export const contributionRejectionCode = (reason: ContributionRejection) => `contribution.rejected_${reason}` as const;

/** A contribution as the moderation queue shows it (no address of the contributor beyond what moderation needs). */
export interface ContributionResponse {
  id: string;
  personId: string;
  personName: string | null;
  subject: ContributionSubject;
  value: string | null;
  date: string | null;
  place: string | null;
  details: string | null;
  source: string;
  contributorName: string;
  contributorEmail: string;
  scan: { state: ContributionScanState; name: string | null; mime: string | null; size: number | null; reasonCode: string | null };
  status: ContributionStatus;
  rejection: ContributionRejection | null;
  factId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}
