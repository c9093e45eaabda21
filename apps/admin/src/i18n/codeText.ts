import { codeTemplatesEn, isCode, type Code } from '@aqtalu/contracts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A code with its params as the API sends it (problem answers, check and match reasons, import rows). */
export interface CodedText {
  code?: unknown;
  params?: unknown;
}

/** Where the words for a param's values are: enum values and names the screens already translate. */
export function valueKey(code: Code, name: string, value: string): { key: string; options?: Record<string, unknown> } | null {
  const archiveRequest = code.startsWith('archive_request.');
  switch (name) {
    case 'role':
    case 'roles':
      return { key: `aqtalu.role.${value}` };
    case 'entity':
      return { key: `aqtalu.code_values.entity.${value}` };
    case 'part':
      return { key: `aqtalu.code_values.part.${value}` };
    case 'expected':
      if (code === 'registry.proposal_status') return { key: `resources.duplicates.status.${value}` };
      return { key: `aqtalu.code_values.expected.${value}` };
    case 'check':
    case 'checks':
      return { key: `resources.evidence.check.${value}` };
    case 'verification':
      return { key: `resources.evidence.verification.${value}` };
    case 'dictionary':
      return { key: `resources.${value}.name`, options: { smart_count: 2 } };
    case 'language':
      return { key: `resources.places.language.${value}` };
    case 'status':
      if (code === 'registry.proposal_status') return { key: `resources.duplicates.status.${value}` };
      if (code.startsWith('evidence.')) return null;
      return { key: archiveRequest ? `resources.archive-requests.status.${value}` : `resources.cases.status.${value}` };
    case 'states':
    case 'from':
      return { key: archiveRequest ? `resources.archive-requests.status.${value}` : `resources.cases.status.${value}` };
    case 'transition':
      return { key: `resources.cases.transitions.names.${value}` };
    case 'action':
      return { key: archiveRequest ? `aqtalu.case_rules.archive_request_actions.${value}` : `aqtalu.case_rules.actions.${value}` };
    case 'outcome':
    case 'supported':
      return { key: `resources.cases.outcome.${value}` };
    default:
      return null;
  }
}

function labelled(code: Code, name: string, value: unknown, translate: Translate): string {
  const one = (item: unknown) => {
    const text = String(item);
    const found = valueKey(code, name, text);
    return found ? translate(found.key, { ...found.options, _: text }) : text;
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

/**
 * The message of a code in the screen's language, its params' values translated too (lists joined by
 * commas); `fallback` (the API's English text) when the code is not in the catalogue this screen knows.
 */
export function codeText(coded: CodedText, fallback: string, translate: Translate): string {
  if (!isCode(coded.code)) return fallback;
  const code = coded.code;
  const params = coded.params && typeof coded.params === 'object' ? (coded.params as Record<string, unknown>) : {};
  const options = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, labelled(code, name, value, translate)]));
  return translate(`aqtalu.codes.${code}`, { ...options, _: fallback });
}

/**
 * A text the API stored in English that is one of the catalogue's texts without params (the source
 * "case application" of a spelling, say), in the screen's language; any other text as it is.
 */
export function storedText(text: string, translate: Translate): string {
  const code = (Object.keys(codeTemplatesEn) as Code[]).find((entry) => codeTemplatesEn[entry] === text && !text.includes('%{'));
  return code ? codeText({ code, params: {} }, text, translate) : text;
}
