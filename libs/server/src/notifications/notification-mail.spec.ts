import { describe, expect, it } from 'vitest';
import { notificationMail } from './notification-mail.js';

describe('notification e-mails', () => {
  it('tells a watcher the new status in Kazakh and Russian', () => {
    const sut = notificationMail('case.transition', { caseId: 'x', caseNumber: 'ALM-2026-000001', to: 'archive_verification' });
    expect(sut.text).toContain('ALM-2026-000001 ісінің жаңа күйі: мұрағаттық тексеру');
    expect(sut.text).toContain('Новый статус отслеживаемого вами дела ALM-2026-000001: архивная проверка');
    expect(sut.subject).toMatch(/^Aqtalu: /);
  });

  it('gives an unknown kind a generic text and leaves its params out', () => {
    const sut = notificationMail('something.new', { applicantEmail: 'aigerim@example.kz', applicantPhone: '+7 701 000 00 00' });
    expect(sut.text).toContain('жаңа хабарлама');
    expect(sut.text).toContain('новое уведомление');
    expect(sut.text).not.toContain('aigerim');
    expect(sut.text).not.toContain('+7 701');
  });
});
