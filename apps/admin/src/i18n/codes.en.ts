import { codeTemplatesEn, type Code, type EntityName, type NamePartName } from '@aqtalu/contracts';

/**
 * The API's codes (libs/contracts codes.ts) in English: the catalogue's own templates. codes.ru.ts and
 * codes.kk.ts are typed the same way, so a code without its translation does not compile.
 */
export const codesEn: Record<Code, string> = codeTemplatesEn;

/** Words for the values of some params: what a "not found" names, a part of a name, what a filter expects. */
export type CodeValueMessages = {
  entity: Record<EntityName, string>;
  part: Record<NamePartName, string>;
  expected: Record<'text' | 'uuid' | 'boolean' | 'date', string>;
};

export const codeValuesEn: CodeValueMessages = {
  entity: {
    user: 'user',
    case: 'case',
    archive_request: 'archive request',
    task: 'task',
    conclusion: 'conclusion',
    commission_session: 'commission session',
    certificate: 'certificate',
    person: 'person',
    fact: 'fact',
    duplicate_proposal: 'duplicate pair',
    place: 'place',
    import: 'import',
    evidence: 'document',
    evidence_proposal: 'proposal',
    dictionary: 'dictionary',
    dictionary_entry: 'dictionary entry',
    audit_entry: 'audit log entry',
    notification: 'notification',
    region: 'region',
    archive: 'archive',
    victim_category: 'victim category',
    legal_article: 'legal article',
    event: 'event',
    event_participant: 'participant of an event',
    relation: 'relation',
    inventory_entry: 'file of an inventory',
  },
  part: { surname: 'surname', given: 'given name', patronymic: 'patronymic' },
  expected: { text: 'text', uuid: 'an id (uuid)', boolean: 'true or false', date: 'an ISO date such as 2026-11-24' },
};
