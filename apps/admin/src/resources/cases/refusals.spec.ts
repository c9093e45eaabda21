import {
  ArchiveRequestAction,
  ArchiveRequestStatus,
  CaseAction,
  CaseStatus,
  CaseTransition,
  DecisionOutcome,
  Role,
  type CaseRefusal,
  type CodeParams,
} from '@aqtalu/contracts';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { kk } from '../../i18n/kk';
import { ru } from '../../i18n/ru';
import { refusalText } from './refusals';

type RefusalCode = CaseRefusal['code'];

/** One refusal of every code the lifecycle speaks (the compiler asks for a new code here). */
const samples: { [C in RefusalCode]: CodeParams[C] } = {
  'case.applicant_missing': {},
  'case.subjects_missing': {},
  'case.archive_not_requested': {},
  'case.archive_requests_open': { unsettled: 2 },
  'case.conclusion_missing': {},
  'case.conclusion_unsigned': {},
  'case.conclusion_outdated': {},
  'case.not_on_agenda': {},
  'case.already_on_agenda': {},
  'case.reason_required': {},
  'case.certificates_pending': { rendered: 1, expected: 2 },
  'case.decision_against_votes': {
    outcome: DecisionOutcome.Rehabilitated,
    supported: [DecisionOutcome.Rejected, DecisionOutcome.ReturnedForEvidence],
    votesFor: 1,
    votesAgainst: 3,
    abstentions: 1,
  },
  'case.transition_role': { transition: CaseTransition.Submit, role: Role.Chair, roles: [Role.Secretary, Role.WgMember] },
  'case.transition_state': { transition: CaseTransition.Close, status: CaseStatus.Draft, from: [CaseStatus.CertificateIssued, CaseStatus.Rejected] },
  'case.action_role': { action: CaseAction.Vote, role: Role.Secretary, roles: [Role.CommissionMember, Role.Chair] },
  'case.action_state': { action: CaseAction.DraftConclusion, status: CaseStatus.Rehabilitated, states: [CaseStatus.WorkingGroupReview] },
  'archive_request.action_role': { action: ArchiveRequestAction.Answer, role: Role.WgMember, roles: [Role.ArchiveLiaison] },
  'archive_request.action_state': { action: ArchiveRequestAction.Start, status: ArchiveRequestStatus.Answered, from: [ArchiveRequestStatus.Sent] },
  'archive_request.note_required': { action: ArchiveRequestAction.NothingFound },
  'quorum.no_members': {},
  'quorum.too_few_present': { present: 3, total: 7, required: 4 },
  'quorum.too_few_votes': { votes: 1, present: 4, required: 3 },
};

const translators = Object.fromEntries(
  Object.entries({ en, kk, ru }).map(([locale, messages]) => [locale, polyglotI18nProvider(() => messages, locale).translate]),
) as Record<'en' | 'kk' | 'ru', (key: string, options?: Record<string, unknown>) => string>;

describe('the lifecycle refusals in kk, ru and en', () => {
  for (const code of Object.keys(samples) as RefusalCode[]) {
    it(`renders ${code} with every param filled and its values in words`, () => {
      const refusal = { code, params: samples[code], detail: `English fallback of ${code}` } as CaseRefusal;
      const texts = Object.fromEntries(Object.entries(translators).map(([locale, translate]) => [locale, refusalText(refusal, translate)]));
      for (const [locale, text] of Object.entries(texts)) {
        expect(text, `${locale}: ${text}`).not.toMatch(/%\{|English fallback|aqtalu\.|resources\./);
        // enum values reach the reader as labels, never as codes
        expect(text, `${locale}: ${text}`).not.toMatch(/\b(wg_member|commission_member|working_group_review|returned_for_evidence|draft-conclusion|nothing-found)\b/);
      }
      expect(texts.kk).not.toBe(texts.en);
      expect(texts.ru).not.toBe(texts.en);
      expect(texts.kk).not.toBe(texts.ru);
    });
  }

  it('says in Russian why the chair may not rehabilitate against the votes', () => {
    const refusal = { code: 'case.decision_against_votes', params: samples['case.decision_against_votes'], detail: '' } as CaseRefusal;
    expect(refusalText(refusal, translators.ru)).toBe(
      'голоса (за — 1, против — 3, воздержались — 1) не поддерживают решение «Реабилитирован» (поддерживают: Отказано, Возвращено для доказательств): председатель фиксирует решение большинства поданных голосов',
    );
  });
});
