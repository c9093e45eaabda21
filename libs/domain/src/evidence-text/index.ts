export { findInText, findingYears, maxFindingsPerKind, type TextFinding } from './find-in-text.js';
