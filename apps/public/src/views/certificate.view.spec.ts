import { describe, expect, it } from 'vitest';
import { checkPageMessages, renderCertificateCheckPage } from './certificate.view.js';
import { checkPageLanguage, checkPageLanguages } from './language.js';

const certificate = {
  certificateNumber: 'C-ALM-2026-00001',
  personNameKk: 'Сәкен Сейфуллин',
  personNameRu: 'Сакен Сейфуллин',
  decisionNumber: 'D-2026-00014',
  decisionDate: '2026-12-01',
  revoked: false,
};

describe('the public certificate check page', () => {
  it('speaks the language asked for, else the first of the browser\'s that it has, else Kazakh', () => {
    expect(checkPageLanguage('ru', 'en')).toBe('ru');
    expect(checkPageLanguage('de', 'de-DE,ru;q=0.8,en;q=0.9')).toBe('en');
    expect(checkPageLanguage(undefined, 'ru-RU,ru;q=0.9')).toBe('ru');
    expect(checkPageLanguage(undefined, 'fr, en;q=0')).toBe('kk');
    expect(checkPageLanguage(['ru'], undefined)).toBe('kk');
  });

  it('has every text in every language', () => {
    const keys = Object.keys(checkPageMessages.en).sort();
    for (const language of checkPageLanguages) expect(Object.keys(checkPageMessages[language]).sort()).toEqual(keys);
  });

  it('says who, which decision (dated dd.mm.yyyy) and valid, with no script', () => {
    const sut = renderCertificateCheckPage('ru', 'ABC123', certificate);
    expect(sut).toContain('<html lang="ru">');
    expect(sut).toContain('Справка действительна');
    expect(sut).toContain('Сәкен Сейфуллин<br>Сакен Сейфуллин');
    expect(sut).toContain('№ D-2026-00014 от 01.12.2026');
    expect(sut).not.toMatch(/<script/i);
  });

  it('says revoked, and escapes what it repeats of the request', () => {
    expect(renderCertificateCheckPage('kk', 'ABC123', { ...certificate, revoked: true })).toContain('Анықтама күшін жойған');
    const unknown = renderCertificateCheckPage('en', '<img src=x onerror=alert(1)>', null);
    expect(unknown).toContain('No such certificate');
    expect(unknown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(unknown).not.toContain('<img');
  });
});
