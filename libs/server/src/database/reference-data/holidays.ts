/** A public holiday (non-working day under the Labour Code of the Republic of Kazakhstan). */
export interface HolidaySeed {
  /** YYYY-MM-DD */
  date: string;
  names: { kk: string; ru: string; en: string };
}

// Transferred days off ordered by government decree each year are added as data by an administrator, not listed here.
// Nor is the statutory carry-over of a holiday that falls on a weekend to the next working day (Labour Code, art. 85).

type Names = HolidaySeed['names'];

const NEW_YEAR: Names = { kk: 'Жаңа жыл', ru: 'Новый год', en: "New Year's Day" };
const CHRISTMAS: Names = { kk: 'Православиелік Рождество', ru: 'Православное Рождество', en: 'Orthodox Christmas' };
const WOMENS_DAY: Names = {
  kk: 'Халықаралық әйелдер күні',
  ru: 'Международный женский день',
  en: "International Women's Day",
};
const NAURYZ: Names = { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' };
const UNITY_DAY: Names = {
  kk: 'Қазақстан халқының бірлігі мерекесі',
  ru: 'Праздник единства народа Казахстана',
  en: 'Unity Day of the People of Kazakhstan',
};
const DEFENDER_DAY: Names = { kk: 'Отан қорғаушы күні', ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' };
const VICTORY_DAY: Names = { kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' };
const CAPITAL_DAY: Names = { kk: 'Астана күні', ru: 'День столицы', en: 'Capital Day' };
const CONSTITUTION_DAY: Names = {
  kk: 'Қазақстан Республикасының Конституциясы күні',
  ru: 'День Конституции Республики Казахстан',
  en: 'Constitution Day',
};
const REPUBLIC_DAY: Names = { kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' };
const INDEPENDENCE_DAY: Names = { kk: 'Тәуелсіздік күні', ru: 'День Независимости', en: 'Independence Day' };
const KURBAN_AIT: Names = { kk: 'Құрбан айт', ru: 'Курбан айт', en: 'Kurban Ait' };

/** Holidays on the same calendar day every year, as MM-DD. */
export const fixedHolidays: readonly (readonly [monthDay: string, names: Names])[] = [
  ['01-01', NEW_YEAR],
  ['01-02', NEW_YEAR],
  ['01-07', CHRISTMAS],
  ['03-08', WOMENS_DAY],
  ['03-21', NAURYZ],
  ['03-22', NAURYZ],
  ['03-23', NAURYZ],
  ['05-01', UNITY_DAY],
  ['05-07', DEFENDER_DAY],
  ['05-09', VICTORY_DAY],
  ['07-06', CAPITAL_DAY],
  ['08-30', CONSTITUTION_DAY],
  ['10-25', REPUBLIC_DAY],
  ['12-16', INDEPENDENCE_DAY],
];

/** First day of Kurban Ait (moves with the lunar calendar; announced each year by the government). */
const kurbanAitFirstDays: readonly string[] = ['2025-06-06', '2026-05-27', '2027-05-16'];

const years = [2025, 2026, 2027] as const;

export const holidays: readonly HolidaySeed[] = [
  ...years.flatMap((year) => fixedHolidays.map(([monthDay, names]) => ({ date: `${year}-${monthDay}`, names }))),
  ...kurbanAitFirstDays.map((date) => ({ date, names: KURBAN_AIT })),
].sort((a, b) => a.date.localeCompare(b.date));

/** Weekly days off, as JavaScript `Date#getUTCDay()` numbers: Sunday and Saturday. */
export const weekendDays = [0, 6] as const;
