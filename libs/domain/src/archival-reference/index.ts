export * from './archival-reference.js';
