import { CaseStatus, personalDataConsentVersion } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { publicApplicationError, publicApplicationMessages, renderApplicationFormPage, renderApplicationStatusPage } from './applications.view.js';
import { normaliseTrackingCode } from '@aqtalu/server';

describe('the online application pages', () => {
  it('have every text in Kazakh, Russian and English, a plain-words status for every case status', () => {
    const keys = Object.keys(publicApplicationMessages.en).sort();
    for (const language of ['kk', 'ru'] as const) expect(Object.keys(publicApplicationMessages[language]).sort()).toEqual(keys);
    for (const status of Object.values(CaseStatus)) expect(keys).toContain(`status_${status}`);
  });

  it('say a refusal in the page language, naming the field by its label', () => {
    expect(publicApplicationError('kk', 'public_application.field_required', { field: 'email' })).toBe('«Электрондық пошта» өрісін толтырыңыз.');
    expect(publicApplicationError('ru', 'evidence.mime_mismatch', { fileName: 'a.pdf' })).toContain('«a.pdf»');
    expect(publicApplicationError('en', 'case.reason_required', {})).toBe(publicApplicationMessages.en.error_other);
  });

  it('escape what the visitor typed and record the consent version in the form', () => {
    const sut = renderApplicationFormPage('en', { regions: [{ code: 'ALM', name: 'Almaty' }], categories: [] }, { values: { applicantName: '<script>x</script>' } });
    expect(sut).not.toContain('<script>');
    expect(sut).toContain('&lt;script&gt;');
    expect(sut).toContain(`value="${personalDataConsentVersion}"`);
  });

  it('offer the upload form only while documents are asked for', () => {
    const status = { trackingCode: 'AQ-AAAA-BBBB-CCCC', caseNumber: 'ALM-2026-000001', submittedOn: '2026-12-01', answerDueOn: '2026-12-22', request: 'send <b>it</b>', documentsSent: 1 };
    expect(renderApplicationStatusPage('kk', { ...status, status: CaseStatus.IntakeReview })).not.toContain('name="documents"');
    const asked = renderApplicationStatusPage('kk', { ...status, status: CaseStatus.ReturnedToApplicant });
    expect(asked).toContain('name="documents"');
    expect(asked).toContain('send &lt;b&gt;it&lt;/b&gt;');
  });

  it('read a tracking code typed in any case, with or without dashes, and refuse what cannot be one', () => {
    expect(normaliseTrackingCode('aq-abcd-efgh-jkmn')).toBe('AQ-ABCD-EFGH-JKMN');
    expect(normaliseTrackingCode('ABCD EFGH JKMN')).toBe('AQ-ABCD-EFGH-JKMN');
    expect(normaliseTrackingCode('AQ-ABCD-EFGH-JKM0')).toBeNull();
    expect(normaliseTrackingCode("x' OR 1=1")).toBeNull();
  });
});
