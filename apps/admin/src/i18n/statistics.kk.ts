import type { StatisticsMessages } from './statistics.en';

export const statisticsKk: StatisticsMessages = {
  resources: {
    statistics: { name: 'Статистика |||| Статистика' },
    search: { name: 'Істер бойынша іздеу |||| Істер бойынша іздеу' },
    holidays: {
      name: 'Мереке |||| Мерекелер күнтізбесі',
      fields: { date: 'Күні', nameKk: 'Атауы (қаз.)', nameRu: 'Атауы (орыс.)', nameEn: 'Атауы (ағылш.)', year: 'Жыл' },
    },
  },
  aqtalu: {
    statistics: {
      title: 'Статистика',
      filters: { from: 'Басы', to: 'Соңы', period: 'Кезең', by: 'Бөлінісі', regionCode: 'Өңір', categoryCode: 'Зардап шеккендер санаты', any: 'Барлығы' },
      period: { month: 'Ай', quarter: 'Тоқсан', year: 'Жыл' },
      by: {
        region: 'Өңір', category: 'Зардап шеккендер санаты', status: 'Іс мәртебесі', outcome: 'Нәтиже',
        sentencingBody: 'Үкім шығарған орган', article: 'Бап', sentenceKind: 'Жаза түрі',
      },
      none: 'көрсетілмеген',
      outcome: { rehabilitated: 'Ақталды', rejected: 'Бас тартылды', returned_for_evidence: 'Қосымша тексеруге қайтарылды', none: 'Шешім әлі жоқ' },
      tables: {
        counts: 'Өтініштер мен істер',
        durations: 'Кезеңдердің ұзақтығы (күн)',
        'archive-requests': 'Мерзімінде орындалған мұрағат сұраулары',
        backlog: 'Қаралмаған істер кезең мен мерзім бойынша (кезеңдегі күн)',
      },
      columns: {
        period: 'Кезең', key: 'Мәні', applications: 'Өтініштер', cases: 'Істер', subjects: 'Адамдар',
        step: 'Кезең', count: 'Өтті', medianDays: 'Медиана', p90Days: '90-процентиль',
        archive: 'Мұрағат', sent: 'Жіберілді', answered: 'Орындалды', onTime: 'Мерзімінде', late: 'Кешігіп', openOverdue: 'Мерзімі өтті', open: 'Орындалуда', cancelled: 'Қайтарып алынды',
        status: 'Кезең', age: 'Кезеңдегі күн', whole: 'Бүкіл кезең',
      },
      download: 'XLSX',
      empty: 'Бұл кезеңде ештеңе жоқ.',
      failed: 'Статистиканы жүктеу мүмкін болмады.',
    },
    calendar: {
      add_year: 'Жылдың тұрақты мерекелерін қосу',
      added: 'Қосылған мерекелер: %{count}',
      delete: 'Жою',
      deleted: 'Мереке жойылды',
      warning_link: 'Мерекелер күнтізбесін ашу',
    },
    search: {
      placeholder: 'Құжаттардағы, OCR, сипаттамалардағы, қорытындылардағы, ескертпелердегі сөздер',
      source: { evidence: 'Құжат', summary: 'Іс сипаттамасы', conclusion: 'Қорытынды', fact_note: 'Дерекке ескертпе' },
      any_source: 'Барлық жерде',
      source_label: 'Қай жерден іздеу',
      empty: 'Ештеңе табылмады.',
      hint: 'Кемінде екі әріп енгізіңіз. Орыс сөздері кез келген тұлғада, қазақ сөздері ә, ғ, қ, ң, ө, ұ, ү, і әріптерімен де, оларсыз да табылады.',
      case: 'Іс',
    },
    exports: { button: 'Жүктеп алу', csv: 'CSV (Excel)', xlsx: 'XLSX', failed: 'Жүктеп алу мүмкін болмады.', votes: 'Дауыстарды жүктеп алу', decisions: 'Шешімдерді жүктеп алу', facts: 'Фактілерді жүктеп алу' },
  },
};
