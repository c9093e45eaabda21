/** The languages of every public page: Kazakh (the default), Russian, English. */
export const checkPageLanguages = ['kk', 'ru', 'en'] as const;
export type CheckPageLanguage = (typeof checkPageLanguages)[number];

/**
 * The language of a public page: `?lang=` when it names one of ours, else the first of the browser's languages
 * (Accept-Language, by weight) we have, else Kazakh.
 */
export function checkPageLanguage(requested: unknown, acceptLanguage: string | undefined): CheckPageLanguage {
  if (typeof requested === 'string' && (checkPageLanguages as readonly string[]).includes(requested)) return requested as CheckPageLanguage;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^q=([0-9.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { language: tag.toLowerCase().split('-')[0]!, weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.language && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return (wanted.find((entry) => (checkPageLanguages as readonly string[]).includes(entry.language))?.language as CheckPageLanguage | undefined) ?? 'kk';
}

