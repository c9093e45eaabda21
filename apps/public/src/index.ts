export { createPublicSite } from './bootstrap.js';
