/** Labels of the statistics page, the holiday calendar and the list exports (kk/ru/en, typed alike). */
export const statisticsEn = {
  resources: {
    statistics: { name: 'Statistics |||| Statistics' },
    search: { name: 'Search in cases |||| Search in cases' },
    holidays: {
      name: 'Holiday |||| Holiday calendar',
      fields: { date: 'Date', nameKk: 'Name (Kazakh)', nameRu: 'Name (Russian)', nameEn: 'Name (English)', year: 'Year' },
    },
  },
  aqtalu: {
    statistics: {
      title: 'Statistics',
      filters: { from: 'From', to: 'To', period: 'Period', by: 'Broken down by', regionCode: 'Region', categoryCode: 'Victim category', any: 'All' },
      period: { month: 'Month', quarter: 'Quarter', year: 'Year' },
      by: {
        region: 'Region', category: 'Victim category', status: 'Case status', outcome: 'Outcome',
        sentencingBody: 'Sentencing body', article: 'Article', sentenceKind: 'Sentence kind',
      },
      none: 'not recorded',
      outcome: { rehabilitated: 'Rehabilitated', rejected: 'Rejected', returned_for_evidence: 'Returned for evidence', none: 'No decision yet' },
      tables: {
        counts: 'Applications and cases',
        durations: 'Time spent in each step (days)',
        'archive-requests': 'Archive requests answered on time',
        backlog: 'Backlog by stage and age (days in the stage)',
      },
      columns: {
        period: 'Period', key: 'Value', applications: 'Applications', cases: 'Cases', subjects: 'Persons',
        step: 'Step', count: 'Steps taken', medianDays: 'Median', p90Days: '90th percentile',
        archive: 'Archive', sent: 'Sent', answered: 'Answered', onTime: 'On time', late: 'Late', openOverdue: 'Open, overdue', open: 'Open', cancelled: 'Cancelled',
        status: 'Stage', age: 'Days in stage', whole: 'Whole period',
      },
      download: 'XLSX',
      empty: 'Nothing in this period.',
      failed: 'The statistics could not be loaded.',
    },
    calendar: {
      add_year: 'Add the fixed holidays of a year',
      added: 'Holidays added: %{count}',
      delete: 'Delete',
      deleted: 'Holiday deleted',
      warning_link: 'Open the holiday calendar',
    },
    search: {
      placeholder: 'Words from documents, OCR, summaries, conclusions, notes',
      source: { evidence: 'Document', summary: 'Case summary', conclusion: 'Conclusion', fact_note: 'Note on a fact' },
      any_source: 'Everywhere',
      source_label: 'Where to search',
      empty: 'Nothing found.',
      hint: 'Type at least two letters. Russian words are found in any form; Kazakh ones with or without ә, ғ, қ, ң, ө, ұ, ү, і.',
      case: 'Case',
    },
    exports: { button: 'Export', csv: 'CSV (Excel)', xlsx: 'XLSX', failed: 'The export failed.', votes: 'Export votes', decisions: 'Export decisions', facts: 'Export facts' },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type StatisticsMessages = Widen<typeof statisticsEn>;
