import type { VoteChoice } from '@aqtalu/contracts';

export interface Vote {
  memberId: string;
  name: string;
  choice: VoteChoice;
  dissentingOpinion: string | null;
}

export interface AgendaItem {
  id: string;
  position: number;
  caseId: string;
  caseNumber: string;
  caseStatus: string;
  /** The names of the case's persons. */
  subjects?: string[];
  votes: Vote[];
  decision: { number: string; outcome: string; reasons: string } | null;
  quorum: { reached: boolean; note?: string; [key: string]: unknown };
}

export interface SessionRecord {
  id: string;
  number: string;
  date: string;
  place: string | null;
  attendance: Array<{ userId: string; name: string; role: string; present: boolean }>;
  totalMembers: number;
  present: number;
  agenda: AgendaItem[];
  version: number;
}

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
export interface PendingVote {
  sessionId: string;
  sessionNumber: string;
  sessionDate: string;
  caseId: string;
  caseNumber: string;
  present: boolean;
  subjects: string[];
}

/** `GET /api/commission/sessions/:id/agenda/candidates`: a case that may go on the agenda. */
export interface AgendaCandidate {
  id: string;
  number: string;
  regionCode: string;
  categoryCode: string;
  subjects: string[];
}

/** How the picker names a candidate: its number and the persons it is about. */
export const candidateLabel = (candidate: Pick<AgendaCandidate, 'number' | 'subjects'>) =>
  candidate.subjects.length ? `${candidate.number} — ${candidate.subjects.join('; ')}` : candidate.number;
