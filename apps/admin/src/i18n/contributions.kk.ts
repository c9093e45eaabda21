import type { ContributionMessages } from './contributions.en';

export const contributionsKk: ContributionMessages = {
  resources: {
    contributions: {
      name: 'Қосылған мәлімет |||| Қосылған мәліметтер',
      all: 'Барлығы',
      accepted_as_fact: 'Адам туралы факт ретінде қабылданды: карточкасын ашу',
      source_hint: 'Қабылдау үшін дереккөз мұрағаттық сілтеме немесе беті көрсетілген кітап болуы керек; қосушы мұрағаттық сілтеме жазса, өрістерді бос қалдырыңыз.',
      fields: {
        createdAt: 'Келген уақыты',
        person: 'Адам',
        subject: 'Не туралы',
        told: 'Мәлімет',
        status: 'Күйі',
        moderate: 'Тексеру',
        source: 'Көрсетілген дереккөз',
        details: 'Толығырақ',
        contributor: 'Қосушы',
        reference: 'Мұрағаттық сілтеме (мұрағат, қор, тізімдеме, іс)',
        bookTitle: 'Жады кітабы',
        bookPage: 'Беті',
        reason: 'Бас тарту себебі',
      },
      status: { pending: 'Тексеруде', accepted: 'Қабылданды', rejected: 'Қабылданбады' },
      scan: { none: 'Скансыз', pending: 'Скан тексерілуде', passed: 'Скан тексерілді', quarantined: 'Скан карантинде' },
      subject: {
        nationality: 'Ұлты',
        occupation: 'Кәсібі',
        social_position: 'Әлеуметтік жағдайы',
        party_membership: 'Партиялығы',
        arrest: 'Тұтқындалуы',
        sentence: 'Үкім',
        camp: 'Лагерь',
        exile: 'Жер аудару',
        release: 'Босатылуы',
        death: 'Қайтыс болуы',
        execution: 'Атылуы',
      },
      actions: { open: 'Ашу', hide: 'Жасыру', scan: 'Сканды жүктеп алу', accept: 'Факт ретінде қабылдау', reject: 'Қабылдамау' },
      notifications: { accepted: 'Қабылданды: факт адамның карточкасына қосылды', rejected: 'Қабылданбады: қосушыға себебі хабарланады' },
    },
  },
};
