import type { AgendaCandidateResponse, AgendaItemResponse, CommissionSessionResponse, PendingVoteResponse, VoteChoice, VoteResponse } from '@aqtalu/contracts';

/** The answers of /api/commission/sessions, as libs/contracts declares them. */
export type Vote = VoteResponse;
export type AgendaItem = AgendaItemResponse;
export type SessionRecord = CommissionSessionResponse;

/** The attendance after ticking one member: the ids of everyone present, as `PUT …/attendance` wants. */
export function toggledAttendance(attendance: SessionRecord['attendance'], userId: string, present: boolean): string[] {
  return attendance.filter((member) => (member.userId === userId ? present : member.present)).map((member) => member.userId);
}

/** For, against and abstain counts of an agenda item. */
export function tally(votes: readonly Vote[]): Record<VoteChoice, number> {
  const counts = { for: 0, against: 0, abstain: 0 } as Record<VoteChoice, number>;
  for (const vote of votes) counts[vote.choice] += 1;
  return counts;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isCaseId = (value: string) => uuid.test(value.trim());

/** `GET /api/tasks/votes`: a vote waiting for the signed-in member. */
export type PendingVote = PendingVoteResponse;

/** `GET /api/commission/sessions/:id/agenda/candidates`: a case that may go on the agenda. */
export type AgendaCandidate = AgendaCandidateResponse;

/** How the picker names a candidate: its number and the persons it is about. */
export const candidateLabel = (candidate: Pick<AgendaCandidate, 'number' | 'subjects'>) =>
  candidate.subjects.length ? `${candidate.number} — ${candidate.subjects.join('; ')}` : candidate.number;
