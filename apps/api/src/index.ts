export { createApi } from './bootstrap.js';
