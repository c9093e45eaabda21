import type { StatisticsMessages } from './statistics.en';

export const statisticsRu: StatisticsMessages = {
  resources: {
    statistics: { name: 'Статистика |||| Статистика' },
    search: { name: 'Поиск по делам |||| Поиск по делам' },
    holidays: {
      name: 'Праздник |||| Календарь праздников',
      fields: { date: 'Дата', nameKk: 'Название (каз.)', nameRu: 'Название (рус.)', nameEn: 'Название (англ.)', year: 'Год' },
    },
  },
  aqtalu: {
    statistics: {
      title: 'Статистика',
      filters: { from: 'С', to: 'По', period: 'Период', by: 'В разрезе', regionCode: 'Регион', categoryCode: 'Категория пострадавших', any: 'Все' },
      period: { month: 'Месяц', quarter: 'Квартал', year: 'Год' },
      by: {
        region: 'Регион', category: 'Категория пострадавших', status: 'Статус дела', outcome: 'Итог',
        sentencingBody: 'Осудивший орган', article: 'Статья', sentenceKind: 'Вид наказания',
      },
      none: 'не указано',
      outcome: { rehabilitated: 'Реабилитирован', rejected: 'Отказано', returned_for_evidence: 'Возвращено на доследование', none: 'Решения ещё нет' },
      tables: {
        counts: 'Заявления и дела',
        durations: 'Длительность этапов (дней)',
        'archive-requests': 'Архивные запросы, исполненные в срок',
        backlog: 'Нерассмотренные дела по этапам и давности (дней на этапе)',
      },
      columns: {
        period: 'Период', key: 'Значение', applications: 'Заявления', cases: 'Дела', subjects: 'Лица',
        step: 'Этап', count: 'Пройдено', medianDays: 'Медиана', p90Days: '90-й процентиль',
        archive: 'Архив', sent: 'Направлено', answered: 'Исполнено', onTime: 'В срок', late: 'С опозданием', openOverdue: 'Просрочено', open: 'В работе', cancelled: 'Отозвано',
        status: 'Этап', age: 'Дней на этапе', whole: 'Весь период',
      },
      download: 'XLSX',
      empty: 'За этот период ничего нет.',
      failed: 'Не удалось загрузить статистику.',
    },
    calendar: {
      add_year: 'Добавить постоянные праздники года',
      added: 'Добавлено праздников: %{count}',
      delete: 'Удалить',
      deleted: 'Праздник удалён',
      warning_link: 'Открыть календарь праздников',
    },
    search: {
      placeholder: 'Слова из документов, OCR, описаний, заключений, примечаний',
      source: { evidence: 'Документ', summary: 'Описание дела', conclusion: 'Заключение', fact_note: 'Примечание к факту' },
      any_source: 'Везде',
      source_label: 'Где искать',
      empty: 'Ничего не найдено.',
      hint: 'Введите не менее двух букв. Русские слова находятся в любой форме, казахские — с буквами ә, ғ, қ, ң, ө, ұ, ү, і и без них.',
      case: 'Дело',
    },
    exports: { button: 'Выгрузить', csv: 'CSV (Excel)', xlsx: 'XLSX', failed: 'Не удалось выгрузить.', votes: 'Выгрузить голоса', decisions: 'Выгрузить решения', facts: 'Выгрузить факты' },
  },
};
