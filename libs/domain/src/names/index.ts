// Name normalisation: search keys stored at write time, the same keys for queries, and a comparison that says why.
export { normaliseName, nameSearchKeys, maxNameWords, initialOf, type NameKeys, type NamePart, type NameRole, type NameSearchKeys } from './name-keys.js';
export { compareNames, autoMatchThreshold, matchReasonOf, type MatchReason, type NameComparison } from './name-comparison.js';
export { foldWord } from './fold-name.js';
export { phoneticCode } from './phonetic-code.js';
export { trigramSimilarity } from './trigram.js';
export type { NameGender } from './name-suffixes.js';
export { placeSearchKey } from './place-key.js';
export { nameKeyVersion, spellingKeys, type SpellingKeys } from './spelling-keys.js';
