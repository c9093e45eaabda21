import type { LetterMessages } from './letters.en';

export const lettersRu: LetterMessages = {
  aqtalu: {
    letters: {
      tab: 'Письма',
      none: 'Писем пока нет.',
      create: 'Создать письмо',
      download: 'PDF',
      incoming: 'входящее',
      kind_label: 'Письмо',
      language_label: 'Язык',
      kind: {
        applicant_receipt: 'Уведомление о приёме заявления',
        applicant_documents_request: 'Запрос документов у заявителя',
        applicant_decision: 'Сообщение о решении',
        archive_request: 'Запрос в архив',
        archive_reminder: 'Напоминание архиву',
        refusal: 'Отказ',
      },
      language: { kk: 'Казахский', ru: 'Русский' },
      status: {
        rendering: 'формируется',
        to_send: 'к отправке',
        sent: 'отправлено',
        printed: 'распечатано',
        handed_over: 'вручено',
        registered: 'зарегистрировано',
      },
      mark: { printed: 'Распечатано', handed_over: 'Вручено' },
    },
  },
};
