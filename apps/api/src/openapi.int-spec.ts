import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const committedSpec = fileURLToPath(new URL('../openapi.json', import.meta.url));

/** The API's contract is reviewed like code: a change to it shows up as a diff of apps/api/openapi.json. */
describe('the OpenAPI document', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await api?.close();
    await environment?.dispose();
  });

  it('matches the committed apps/api/openapi.json (update it with `npm run openapi`)', async () => {
    const answer = await new HttpSession(await api.getUrl()).get('/api/docs/openapi.json');
    expect(answer.status).toBe(200);
    const generated = `${JSON.stringify(answer.body, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') await writeFile(committedSpec, generated);
    expect(existsSync(committedSpec), 'apps/api/openapi.json is missing: run `npm run openapi`').toBe(true);
    const committed = await readFile(committedSpec, 'utf8');
    expect(generated, 'the API changed: run `npm run openapi` and commit apps/api/openapi.json').toBe(committed);
  });
});
