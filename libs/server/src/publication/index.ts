export * from './publication.service.js';
export * from './publication.module.js';
export * from './public-site.js';
export * from './demo-publications.seed.js';
export * from './open-data.js';
export * from './open-data.service.js';
export * from './regional-book.pdf.js';
