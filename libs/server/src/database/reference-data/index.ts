export * from './regions.js';
export * from './archives.js';
export * from './dictionaries.js';
export * from './holidays.js';
