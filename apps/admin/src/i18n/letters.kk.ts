import type { LetterMessages } from './letters.en';

export const lettersKk: LetterMessages = {
  aqtalu: {
    letters: {
      tab: 'Хаттар',
      none: 'Әзірге хат жоқ.',
      create: 'Хат құру',
      download: 'PDF',
      incoming: 'кіріс',
      kind_label: 'Хат',
      language_label: 'Тіл',
      kind: {
        applicant_receipt: 'Өтініштің қабылданғаны туралы хабарлама',
        applicant_documents_request: 'Өтініш берушіден құжат сұрау',
        applicant_decision: 'Шешім туралы хабарлама',
        archive_request: 'Мұрағатқа сұрау',
        archive_reminder: 'Мұрағатқа еске салу',
        refusal: 'Бас тарту',
      },
      language: { kk: 'Қазақша', ru: 'Орысша' },
      status: {
        rendering: 'дайындалуда',
        to_send: 'жіберуге',
        sent: 'жіберілді',
        printed: 'басып шығарылды',
        handed_over: 'табысталды',
        registered: 'тіркелді',
      },
      mark: { printed: 'Басып шығарылды', handed_over: 'Табысталды' },
    },
  },
};
