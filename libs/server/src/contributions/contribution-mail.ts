import type { Code, ContributionRejection } from '@aqtalu/contracts';

type Language = 'kk' | 'ru' | 'en';
type Texts = Record<Language, string>;

/** Why a contribution was turned down, in the contributor's words (the same sentences as the back office's codes). */
const reasons: Record<ContributionRejection, Texts> = {
  no_source: { kk: 'Көрсетілген дереккөз табылмады немесе аталмады.', ru: 'Указанный источник не найден или не назван.', en: 'The source given cannot be found or was not named.' },
  contradicts_records: { kk: 'Мұрағат құжаттары басқаша айтады.', ru: 'Архивные документы говорят иное.', en: 'The archival records say otherwise.' },
  other_person: { kk: 'Мәлімет басқа адам туралы.', ru: 'Сведения относятся к другому человеку.', en: 'It is about another person.' },
  already_known: { kk: 'Бұл мәлімет Жады кітабында бар.', ru: 'Эти сведения уже есть в Книге памяти.', en: 'The Book of Memory already has it.' },
  unverifiable: { kk: 'Мәліметті тексеру мүмкін болмады.', ru: 'Сведения не удалось проверить.', en: 'It could not be verified.' },
  scan_unsafe: { kk: 'Қоса берілген сканды қауіпсіз қабылдау мүмкін болмады.', ru: 'Приложенный скан не удалось безопасно принять.', en: 'The attached scan could not be accepted safely.' },
};

const accepted: Texts = {
  kk: 'Рақмет! Сіз жіберген мәлімет тексеріліп, Жады кітабына қосылды.',
  ru: 'Спасибо! Присланные вами сведения проверены и добавлены в Книгу памяти.',
  en: 'Thank you: what you told us was checked and added to the Book of Memory.',
};
const rejected: Texts = {
  kk: 'Рақмет! Өкінішке қарай, сіз жіберген мәлімет қабылданбады. Себебі:',
  ru: 'Спасибо! К сожалению, присланные вами сведения не приняты. Причина:',
  en: 'Thank you. Unfortunately what you told us was not accepted. The reason:',
};
const subject: Texts = { kk: 'Жады кітабы: сіздің мәліметіңіз', ru: 'Книга памяти: ваше дополнение', en: 'Book of Memory: your contribution' };

/**
 * The e-mail telling a contributor the outcome: in their language, then in the other of Kazakh and Russian.
 * `rejection` is the reason's code (null when accepted); the person's page is linked, nothing else of the record.
 */
export function contributionMail(language: Language, rejection: Code | null, personUrl: string): { subject: string; text: string } {
  const order: Language[] = language === 'en' ? ['en', 'kk', 'ru'] : language === 'kk' ? ['kk', 'ru'] : ['ru', 'kk'];
  const reason = rejection ? reasons[rejection.replace('contribution.rejected_', '') as ContributionRejection] : null;
  const say = (lang: Language) => (reason ? `${rejected[lang]} ${reason[lang]}` : accepted[lang]);
  return {
    subject: order.map((lang) => subject[lang]).join(' / '),
    text: `${order.map(say).join('\n\n')}\n\n${personUrl}\n`,
  };
}
