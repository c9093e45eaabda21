export * from './regions.js';
export * from './archives.js';
export * from './dictionaries.js';
export * from './holidays.js';
export * from './repression-dictionaries.js';
export * from './places.js';
