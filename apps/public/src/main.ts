import { loadConfigOrExit, refuseEvictingRedisOrExit } from '@aqtalu/server';
import { createPublicSite } from './bootstrap.js';

const config = loadConfigOrExit();
await refuseEvictingRedisOrExit(config.redisUrl);
const site = await createPublicSite(config);
await site.listen(config.publicSite.port, config.http.host);
