import type { ContributionMessages } from './contributions.en';

export const contributionsRu: ContributionMessages = {
  resources: {
    contributions: {
      name: 'Дополнение |||| Дополнения',
      all: 'Все',
      accepted_as_fact: 'Принято как факт о человеке: открыть карточку',
      source_hint: 'Чтобы принять, источник должен быть архивной ссылкой или книгой со страницей; оставьте поля пустыми, если автор указал архивную ссылку.',
      fields: {
        createdAt: 'Получено',
        person: 'Человек',
        subject: 'О чём',
        told: 'Сведения',
        status: 'Статус',
        moderate: 'Проверка',
        source: 'Указанный источник',
        details: 'Подробности',
        contributor: 'Автор',
        reference: 'Архивная ссылка (архив, фонд, опись, дело)',
        bookTitle: 'Книга памяти',
        bookPage: 'Страница',
        reason: 'Причина отказа',
      },
      status: { pending: 'На проверке', accepted: 'Принято', rejected: 'Отклонено' },
      scan: { none: 'Без скана', pending: 'Скан проверяется', passed: 'Скан проверен', quarantined: 'Скан в карантине' },
      subject: {
        nationality: 'Национальность',
        occupation: 'Род занятий',
        social_position: 'Социальное положение',
        party_membership: 'Партийность',
        arrest: 'Арест',
        sentence: 'Приговор',
        camp: 'Лагерь',
        exile: 'Ссылка',
        release: 'Освобождение',
        death: 'Смерть',
        execution: 'Расстрел',
      },
      actions: { open: 'Открыть', hide: 'Скрыть', scan: 'Скачать скан', accept: 'Принять как факт', reject: 'Отклонить' },
      notifications: { accepted: 'Принято: факт добавлен в карточку человека', rejected: 'Отклонено: автору сообщат причину' },
    },
  },
};
