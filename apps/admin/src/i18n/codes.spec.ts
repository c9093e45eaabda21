import {
  ArchiveRequestAction,
  ArchiveRequestStatus,
  CaseAction,
  CaseStatus,
  CaseTransition,
  codes,
  codeTemplatesEn,
  DecisionOutcome,
  EvidenceCheckName,
  EvidenceVerification,
  Role,
  type Code,
} from '@aqtalu/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { i18nProvider } from '../providers/i18nProvider';
import { codeText, storedText, valueKey } from './codeText';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

const placeholders = (template: string) => [...template.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]!);

/** A value of the right kind for each param, so its label is looked up for real. */
function sampleOf(code: Code, name: string): unknown {
  const archiveRequest = code.startsWith('archive_request.');
  switch (name) {
    case 'role':
      return Role.Secretary;
    case 'roles':
      return [Role.WgMember, Role.WgLead];
    case 'entity':
      return 'archive_request';
    case 'part':
      return 'patronymic';
    case 'expected':
      return code === 'registry.proposal_status' ? 'proposed' : 'uuid';
    case 'check':
      return EvidenceCheckName.Thumbnail;
    case 'checks':
      return [EvidenceCheckName.Ocr, EvidenceCheckName.Proposals];
    case 'verification':
      return EvidenceVerification.Verified;
    case 'dictionary':
      return 'sentence-kinds';
    case 'language':
      return 'kk';
    case 'status':
      if (code === 'registry.proposal_status') return 'merged';
      if (code.startsWith('evidence.')) return 'confirmed';
      return archiveRequest ? ArchiveRequestStatus.Answered : CaseStatus.IntakeReview;
    case 'states':
    case 'from':
      return archiveRequest ? [ArchiveRequestStatus.Sent] : [CaseStatus.Draft];
    case 'transition':
      return CaseTransition.Submit;
    case 'action':
      return archiveRequest ? ArchiveRequestAction.Answer : CaseAction.Vote;
    case 'outcome':
      return DecisionOutcome.Rehabilitated;
    case 'supported':
      return [DecisionOutcome.Rejected];
    case 'values':
    case 'fields':
    case 'missing':
    case 'columns':
    case 'ids':
    case 'emails':
    case 'evidence':
    case 'features':
    case 'known':
    case 'filters':
    case 'reasons':
    case 'supportedTypes':
      return ['a1', 'b2'];
    default:
      return 7;
  }
}

const samples = (code: Code) => Object.fromEntries(placeholders(codeTemplatesEn[code]).map((name) => [name, sampleOf(code, name)]));
const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);

describe('the codes of the API in the back office', () => {
  afterAll(() => i18nProvider.changeLocale('ru'));

  it.each([
    ['kk', kk.aqtalu.codes],
    ['ru', ru.aqtalu.codes],
  ])('has a translation of every code in %s, using only the params the API sends', (_locale, messages) => {
    for (const code of codes) {
      const message = messages[code];
      expect(message, code).toBeTruthy();
      expect(message, `${code} is still English`).not.toBe(codeTemplatesEn[code]);
      const sent = new Set(placeholders(codeTemplatesEn[code]));
      expect(placeholders(message).filter((name) => !sent.has(name)), code).toEqual([]);
    }
  });

  it.each(['kk', 'ru', 'en'])('renders every code in %s with sample params: no missing key, no placeholder left, every param value labelled', async (locale) => {
    await i18nProvider.changeLocale(locale);
    for (const code of codes) {
      const params = samples(code);
      const text = codeText({ code, params }, '(missing)', translate);
      expect(text, code).not.toBe('(missing)');
      expect(text, code).not.toMatch(/%\{\w+\}/);
      expect(text, code).not.toMatch(/\b(aqtalu|resources)\.[a-z]/);
      for (const [name, value] of Object.entries(params)) {
        for (const item of Array.isArray(value) ? value : [value]) {
          const label = valueKey(code, name, String(item));
          if (label) expect(translate(label.key, { ...label.options, _: '(none)' }), `${code}: ${label.key}`).not.toBe('(none)');
        }
      }
    }
  });

  it('says a refusal in the screen language and keeps the English detail for a code it does not know', async () => {
    await i18nProvider.changeLocale('ru');
    expect(codeText({ code: 'evidence.checks_unfinished', params: { checks: ['ocr', 'thumbnail'] } }, 'English', translate)).toBe(
      'Проверки ещё не завершены (Распознавание, Миниатюра); подтвердите документ после них.',
    );
    expect(codeText({ code: 'auth.permission_denied', params: { role: 'auditor', permission: 'users.read' } }, 'English', translate)).toContain('«Аудитор»');
    expect(codeText({ code: 'some.future_code', params: {} }, 'English detail', translate)).toBe('English detail');
    expect(codeText({}, 'English detail', translate)).toBe('English detail');
  });

  it('reads a stored English text of the catalogue in the screen language, and any other text as it is', async () => {
    await i18nProvider.changeLocale('kk');
    expect(storedText('case application', translate)).toBe('іс бойынша өтініш');
    expect(storedText('Книга памяти', translate)).toBe('Книга памяти');
  });

  it('gives English the catalogue itself', () => {
    expect(en.aqtalu.codes).toBe(codeTemplatesEn);
  });
});
