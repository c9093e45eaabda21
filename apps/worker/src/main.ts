import { loadConfigOrExit, refuseEvictingRedisOrExit } from '@aqtalu/server';
import { createWorker } from './bootstrap.js';

const config = loadConfigOrExit();
await refuseEvictingRedisOrExit(config.redisUrl);
const worker = await createWorker(config);
await worker.init();
