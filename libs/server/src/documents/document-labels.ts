import type { ConclusionRecommendation, DecisionOutcome, Role, VoteChoice } from '@aqtalu/contracts';

/** Kazakh first, Russian second: the state language leads on every bilingual document. */
export interface Bilingual {
  kk: string;
  ru: string;
}

// The renderers take plain strings (the values of the contracts' enums, which are accepted too), and a value
// added to one of those enums fails to compile here until it has a label.
export type AttendanceRole = `${Role.Chair | Role.Secretary | Role.CommissionMember}`;
export type Recommendation = `${ConclusionRecommendation}`;
export type Vote = `${VoteChoice}`;
export type Outcome = `${DecisionOutcome}`;

export const roleLabels: Record<AttendanceRole, Bilingual> = {
  chair: { kk: 'Төраға', ru: 'Председатель' },
  secretary: { kk: 'Хатшы', ru: 'Секретарь' },
  commission_member: { kk: 'Комиссия мүшесі', ru: 'Член комиссии' },
};

export const presenceLabels: Record<'present' | 'absent', Bilingual> = {
  present: { kk: 'қатысты', ru: 'присутствует' },
  absent: { kk: 'қатыспады', ru: 'отсутствует' },
};

export const recommendationLabels: Record<Recommendation, Bilingual> = {
  rehabilitate: { kk: 'ақтау', ru: 'реабилитировать' },
  reject: { kk: 'ақтаудан бас тарту', ru: 'отказать в реабилитации' },
  insufficient_evidence: { kk: 'дәлелдемелер жеткіліксіз', ru: 'недостаточно доказательств' },
};

export const voteLabels: Record<Vote, Bilingual> = {
  for: { kk: 'жақтады', ru: 'за' },
  against: { kk: 'қарсы', ru: 'против' },
  abstain: { kk: 'қалыс қалды', ru: 'воздержался' },
};

export const outcomeLabels: Record<Outcome, Bilingual> = {
  rehabilitated: { kk: 'ақталды', ru: 'реабилитирован' },
  rejected: { kk: 'ақтаудан бас тартылды', ru: 'в реабилитации отказано' },
  returned_for_evidence: { kk: 'дәлелдемелерді толықтыруға қайтарылды', ru: 'возвращено для дополнения доказательств' },
};

/** `жақтады / за` */
export function both(label: Bilingual, separator = ' / '): string {
  return `${label.kk}${separator}${label.ru}`;
}
