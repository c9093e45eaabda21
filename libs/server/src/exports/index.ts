export * from './export.service.js';
export * from './export-writer.js';
export * from './exports.module.js';
export * from './list-exports.js';
export * from './spreadsheet-cell.js';
