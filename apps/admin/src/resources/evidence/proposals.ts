import { EvidenceProposalKind, EvidenceProposalStatus } from '@aqtalu/contracts';

/** One of `GET /api/evidence/:id/proposals`: a reference, a date or a name the checks found in the text. */
export interface Proposal {
  id: string;
  kind: EvidenceProposalKind;
  /** As it stands in the document. */
  text: string;
  page: number;
  personId: string | null;
  personName: string | null;
  score: number | null;
  status: EvidenceProposalStatus;
}

/** The proposals still waiting for a person's decision. */
export const undecided = (proposals: readonly Proposal[]) => proposals.filter((proposal) => proposal.status === EvidenceProposalStatus.Proposed);

/**
 * What a bulk decision on the selection would do: the ids still undecided among the selected, and the
 * names among them with no registry match (the API refuses to confirm those: the screen says so first).
 */
export function selectionOf(proposals: readonly Proposal[], selected: ReadonlySet<string>): { ids: string[]; namesWithoutMatch: Proposal[] } {
  const chosen = undecided(proposals).filter((proposal) => selected.has(proposal.id));
  return {
    ids: chosen.map((proposal) => proposal.id),
    namesWithoutMatch: chosen.filter((proposal) => proposal.kind === EvidenceProposalKind.Person && !proposal.personId),
  };
}

/** After a decision, the selection keeps only what is still undecided. */
export function keepUndecided(selected: ReadonlySet<string>, proposals: readonly Proposal[]): Set<string> {
  const open = new Set(undecided(proposals).map((proposal) => proposal.id));
  return new Set([...selected].filter((id) => open.has(id)));
}
