export * from './regions.js';
export * from './archives.js';
export * from './holidays.js';
