import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { kk } from '../i18n/kk';
import { ru } from '../i18n/ru';
import { i18nProvider as sut } from './i18nProvider';

type Tree = { [key: string]: Tree | string | undefined };

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('i18nProvider', () => {
  it.each([
    ['ru', ru],
    ['kk', kk],
  ])('translates every message of react-admin, of Aqtalu and of its resources into %s', (_locale, messages) => {
    expect(keysOf(messages as Tree).sort()).toEqual(
      keysOf({ ...englishMessages, aqtalu: en.aqtalu, resources: en.resources } as Tree).sort(),
    );
  });

  it('speaks Russian by default and offers Kazakh, Russian and English', () => {
    expect(sut.getLocale()).toBe('ru');
    expect(sut.getLocales?.()).toEqual([
      { locale: 'kk', name: 'Қазақша' },
      { locale: 'ru', name: 'Русский' },
      { locale: 'en', name: 'English' },
    ]);
    expect(sut.translate('ra.auth.sign_in')).toBe('Войти');
  });

  it('uses the three Russian plural forms', () => {
    expect(sut.translate('ra.notification.deleted', { smart_count: 1 })).toBe('Удалена 1 запись');
    expect(sut.translate('ra.notification.deleted', { smart_count: 3 })).toBe('Удалены 3 записи');
    expect(sut.translate('ra.notification.deleted', { smart_count: 11 })).toBe('Удалено 11 записей');
    expect(sut.translate('ra.notification.deleted', { smart_count: 21 })).toBe('Удалена 21 запись');
  });

  it('switches to Kazakh, role names included', async () => {
    await sut.changeLocale('kk');
    expect(sut.translate('aqtalu.role.chair')).toBe('Комиссия төрағасы');
    expect(sut.translate('ra.auth.email')).toBe('Электрондық пошта');
    expect(sut.translate('ra.notification.deleted', { smart_count: 5 })).toBe('5 жазба жойылды');
    expect(sut.translate('resources.users.name', { smart_count: 2 })).toBe('Пайдаланушылар');
    expect(sut.translate('resources.users.confirm.disable_title', { name: 'Ерлан' })).toBe(
      'Ерлан пайдаланушысын бұғаттайсыз ба?',
    );
    await sut.changeLocale('ru');
  });
});
