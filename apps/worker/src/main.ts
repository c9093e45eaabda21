import { loadConfigOrExit } from '@aqtalu/server';
import { createWorker } from './bootstrap.js';

const worker = await createWorker(loadConfigOrExit());
await worker.init();
