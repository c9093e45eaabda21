import polyglotI18nProvider from 'ra-i18n-polyglot';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { en } from '../i18n/en';
import { kk } from '../i18n/kk';
import { ru } from '../i18n/ru';
import { statisticsEn } from '../i18n/statistics.en';
import { statisticsKk } from '../i18n/statistics.kk';
import { statisticsRu } from '../i18n/statistics.ru';
import { lettersEn } from '../i18n/letters.en';
import { lettersKk } from '../i18n/letters.kk';
import { lettersRu } from '../i18n/letters.ru';
import { contributionsEn } from '../i18n/contributions.en';
import { contributionsKk } from '../i18n/contributions.kk';
import { contributionsRu } from '../i18n/contributions.ru';

export type Locale = 'kk' | 'ru' | 'en';

export const defaultLocale: Locale = 'ru';

// English underneath each translation: a key it lacks (one a react-admin upgrade adds, say) reads in English.
const messages: Record<Locale, TranslationMessages> = {
  kk: mergeTranslations(en, statisticsEn, lettersEn, contributionsEn, kk, statisticsKk, lettersKk, contributionsKk),
  ru: mergeTranslations(en, statisticsEn, lettersEn, contributionsEn, ru, statisticsRu, lettersRu, contributionsRu),
  en: mergeTranslations(en, statisticsEn, lettersEn, contributionsEn),
};

const isLocale = (locale: string): locale is Locale => Object.hasOwn(messages, locale);

export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[isLocale(locale) ? locale : defaultLocale],
  defaultLocale,
  [
    { locale: 'kk', name: 'Қазақша' },
    { locale: 'ru', name: 'Русский' },
    { locale: 'en', name: 'English' },
  ],
  // A key missing everywhere (a custom label without `_`) prints as itself instead of warning in the console.
  { allowMissing: true },
);
