import type { CaseRefusal } from '@aqtalu/contracts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Where the labels of a param's values are: roles, statuses, steps, actions and outcomes are enum values. */
function labelOf(refusal: CaseRefusal, name: string, value: string, translate: Translate): string {
  const archiveRequest = refusal.code.startsWith('archive_request.');
  const key = (() => {
    switch (name) {
      case 'role':
      case 'roles':
        return `aqtalu.role.${value}`;
      case 'status':
      case 'states':
      case 'from':
        return archiveRequest ? `resources.archive-requests.status.${value}` : `resources.cases.status.${value}`;
      case 'transition':
        return `resources.cases.transitions.names.${value}`;
      case 'action':
        return archiveRequest ? `aqtalu.case_rules.archive_request_actions.${value}` : `aqtalu.case_rules.actions.${value}`;
      case 'outcome':
      case 'supported':
        return `resources.cases.outcome.${value}`;
      default:
        return null;
    }
  })();
  return key ? translate(key, { _: value }) : value;
}

/**
 * A refusal of the lifecycle in the screen's language: its code's message with the params' values
 * translated too (lists joined by commas); the API's English text when a code is unknown here.
 */
export function refusalText(refusal: CaseRefusal, translate: Translate): string {
  const params = Object.fromEntries(
    Object.entries(refusal.params as Record<string, unknown>).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.map((item) => labelOf(refusal, name, String(item), translate)).join(', ') : labelOf(refusal, name, String(value), translate),
    ]),
  );
  return translate(`aqtalu.case_rules.codes.${refusal.code}`, { ...params, _: refusal.detail });
}

/** Several refusals as one sentence. */
export const refusalsText = (refusals: readonly CaseRefusal[], translate: Translate) => refusals.map((refusal) => refusalText(refusal, translate)).join('; ');
