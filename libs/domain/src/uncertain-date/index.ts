export * from './uncertain-date.js';
