export * from './archive-request-lifecycle.js';
export * from './case-lifecycle.js';
export * from './case-number.js';
export * from './quorum.js';
