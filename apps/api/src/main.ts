import { loadConfigOrExit, refuseEvictingRedisOrExit } from '@aqtalu/server';
import { fileURLToPath } from 'node:url';
import { createApi } from './bootstrap.js';

const config = loadConfigOrExit({
  ADMIN_DIST_DIR: fileURLToPath(new URL('../../admin/dist', import.meta.url)),
  ...process.env,
});
await refuseEvictingRedisOrExit(config.redisUrl);
const app = await createApi(config);
await app.listen(config.http.port, config.http.host);
