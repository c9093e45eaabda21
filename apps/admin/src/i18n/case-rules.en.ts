import type { ArchiveRequestAction, CaseAction, CaseRefusal } from '@aqtalu/contracts';
import { caseRuleTemplatesEn, codeTemplatesEn } from '@aqtalu/contracts';

/**
 * What a case state allows, and why not: the lifecycle's actions and refusal codes (libs/contracts
 * cases.ts). The English texts are the API's own templates.
 */
export const caseRulesEn: CaseRulesMessages = {
  actions: {
    edit: 'Edit the case',
    'request-archive': 'Request an archive',
    'upload-evidence': 'Upload evidence',
    'draft-conclusion': 'Draft the conclusion',
    'sign-conclusion': 'Sign the conclusion',
    'put-on-agenda': 'Put on the agenda',
    vote: 'Vote',
  } satisfies Record<CaseAction, string>,
  archive_request_actions: {
    start: 'Start work',
    answer: 'Answer',
    'nothing-found': 'Nothing found',
    cancel: 'Cancel the request',
  } satisfies Record<ArchiveRequestAction, string>,
  codes: {
    ...caseRuleTemplatesEn,
    'quorum.no_members': `no quorum: ${codeTemplatesEn['quorum.no_members']}`,
    'quorum.too_few_present': `no quorum: ${codeTemplatesEn['quorum.too_few_present']}`,
    'quorum.too_few_votes': `no quorum: ${codeTemplatesEn['quorum.too_few_votes']}`,
  } satisfies Record<CaseRefusal['code'], string>,
  conclusion_closed: 'The conclusion cannot be changed now: %{reasons}',
};

export type CaseRulesMessages = {
  actions: Record<CaseAction, string>;
  archive_request_actions: Record<ArchiveRequestAction, string>;
  codes: Record<CaseRefusal['code'], string>;
  conclusion_closed: string;
};
