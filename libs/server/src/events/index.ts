export * from './cited-source.js';
export * from './demo-events.seed.js';
export * from './event.entities.js';
export * from './event.service.js';
export * from './events.module.js';
export * from './group-case.service.js';
export * from './relation.service.js';
