import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
  components?: { schemas?: Record<string, unknown> };
}

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

  it('describes the success answer of every operation, with schemas that exist', async () => {
    const answer = await new HttpSession(await api.getUrl()).get<OpenApiDocument>('/api/docs/openapi.json');
    const document = answer.body;
    const undescribed: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        // 204 has no body; every other success names the schema of what it sends
        const described = successes.some(
          ([status, response]) => status === '204' || Object.values(response.content ?? {}).some((media) => media.schema !== undefined && Object.keys(media.schema).length > 0),
        );
        if (!described) undescribed.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undescribed, 'declare the answer: @ApiAnswer(<type of libs/contracts responses.ts>) or @ApiOkResponse').toEqual([]);

    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
    const dangling = [...new Set(references)].filter((name) => !(name in (document.components?.schemas ?? {})));
    expect(dangling).toEqual([]);
  });
});
