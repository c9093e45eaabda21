export * from './inventory.entities.js';
export * from './inventory.module.js';
export * from './inventory.service.js';
