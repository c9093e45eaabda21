export interface Names {
  kk: string;
  ru: string;
  en: string;
}

export interface VictimCategorySeed {
  code: string;
  names: Names;
  /** The commission's criterion for the category, cited by conclusions and decisions. */
  criterion: Names;
}

export interface LegalArticleSeed {
  code: string;
  names: Names;
}

/** The categories the commission worked by (DESIGN.md §1). */
export const victimCategories: readonly VictimCategorySeed[] = [
  {
    code: 'counter_revolutionary',
    names: { kk: '«Контрреволюциялық» қылмыстар үшін сотталғандар', ru: 'Осуждённые за «контрреволюционные» преступления', en: 'Convicted of "counter-revolutionary" crimes' },
    criterion: {
      kk: 'Саяси себептермен соттан тыс органдардың немесе соттардың шешімімен қуғын-сүргінге ұшырауы',
      ru: 'Репрессия по политическим мотивам решением внесудебного органа или суда',
      en: 'Repression on political grounds by an extrajudicial body or a court',
    },
  },
  {
    code: 'nationalist',
    names: { kk: '«Ұлтшылдық» үшін қуғындалғандар', ru: 'Преследованные за «национализм»', en: 'Persecuted for "nationalism"' },
    criterion: { kk: 'Ұлттық белгісі бойынша айыптау', ru: 'Обвинение по национальному признаку', en: 'Accusation on national grounds' },
  },
  {
    code: 'alash',
    names: { kk: 'Алаш қозғалысының қайраткерлері', ru: 'Деятели движения Алаш', en: 'Members of the Alash movement' },
    criterion: { kk: 'Алаш қозғалысына қатысқаны үшін қуғындау', ru: 'Преследование за участие в движении Алаш', en: 'Persecution for taking part in the Alash movement' },
  },
  {
    code: 'dekulakized',
    names: { kk: 'Кәмпескеленгендер мен «кулак» деп танылғандар', ru: 'Раскулаченные и подвергшиеся конфискации', en: 'Dekulakized and confiscated' },
    criterion: { kk: 'Мүлкін тәркілеу және жер аудару', ru: 'Конфискация имущества и выселение', en: 'Confiscation of property and eviction' },
  },
  {
    code: 'deported',
    names: { kk: 'Жер аударылғандар мен арнайы қоныстанушылар', ru: 'Депортированные и спецпоселенцы', en: 'Deportees and special settlers' },
    criterion: { kk: 'Әкімшілік тәртіппен күштеп көшіру', ru: 'Принудительное переселение в административном порядке', en: 'Forced resettlement by administrative order' },
  },
  {
    code: 'uprising',
    names: { kk: 'Көтерілістерге қатысушылар', ru: 'Участники восстаний', en: 'Participants of uprisings' },
    criterion: { kk: 'Ұжымдастыруға қарсы көтерілістерге қатысқаны үшін қуғындау', ru: 'Преследование за участие в восстаниях против коллективизации', en: 'Persecution for taking part in uprisings against collectivization' },
  },
  {
    code: 'clergy',
    names: { kk: 'Дін қызметкерлері', ru: 'Духовенство', en: 'Clergy' },
    criterion: { kk: 'Діни сенімі үшін қуғындау', ru: 'Преследование за религиозные убеждения', en: 'Persecution for religious belief' },
  },
  {
    code: 'prisoners_of_war',
    names: { kk: 'Соғыс тұтқындары', ru: 'Военнопленные', en: 'Prisoners of war' },
    criterion: { kk: 'Тұтқында болғаны үшін қуғындау', ru: 'Преследование за пребывание в плену', en: 'Persecution for having been a prisoner of war' },
  },
];

/** Articles of the Law of the Republic of Kazakhstan of 14 April 1993 "On rehabilitation of victims of mass political repressions". */
export const legalArticles: readonly LegalArticleSeed[] = [
  {
    code: 'law1993-art2',
    names: { kk: '1993 жылғы Заңның 2-бабы: жаппай саяси қуғын-сүргін құрбандары', ru: 'Статья 2 Закона 1993 года: жертвы массовых политических репрессий', en: 'Article 2 of the 1993 Law: victims of mass political repressions' },
  },
  {
    code: 'law1993-art3',
    names: { kk: '1993 жылғы Заңның 3-бабы: соттан тыс органдардың шешімімен қуғындалғандар', ru: 'Статья 3 Закона 1993 года: репрессированные решениями внесудебных органов', en: 'Article 3 of the 1993 Law: repressed by decisions of extrajudicial bodies' },
  },
  {
    code: 'law1993-art4',
    names: { kk: '1993 жылғы Заңның 4-бабы: соттар үкімімен сотталғандар', ru: 'Статья 4 Закона 1993 года: осуждённые приговорами судов', en: 'Article 4 of the 1993 Law: convicted by court sentences' },
  },
  {
    code: 'law1993-art5',
    names: { kk: '1993 жылғы Заңның 5-бабы: жер аударылғандар мен арнайы қоныстанушылар', ru: 'Статья 5 Закона 1993 года: депортированные и спецпоселенцы', en: 'Article 5 of the 1993 Law: deportees and special settlers' },
  },
  {
    code: 'law1993-art6',
    names: { kk: '1993 жылғы Заңның 6-бабы: қуғын-сүргінге ұшырағандардың отбасы мүшелері', ru: 'Статья 6 Закона 1993 года: члены семей репрессированных', en: 'Article 6 of the 1993 Law: family members of the repressed' },
  },
];
