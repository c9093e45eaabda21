import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import { describe, expect, it } from 'vitest';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const generatedFile = root('./response-schemas.ts');

/** The response types of libs/contracts as JSON Schema, referenced the way an OpenAPI document references them. */
function generateSchemas(): Record<string, unknown> {
  const generator = createGenerator({
    path: root('../../../../../libs/contracts/src/responses.ts'),
    tsconfig: root('../../../../../libs/contracts/tsconfig.json'),
    type: '*',
    expose: 'export',
    topRef: true,
    skipTypeCheck: true,
    jsDoc: 'extended',
    additionalProperties: true,
    sortProps: true,
  });
  const definitions = generator.createSchema('*').definitions ?? {};
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((name) => [name, definitions[name]]));
  return JSON.parse(JSON.stringify(sorted).replaceAll('"#/definitions/', '"#/components/schemas/')) as Record<string, unknown>;
}

const render = (schemas: Record<string, unknown>) =>
  `// Generated from libs/contracts/src/responses.ts by response-schemas.spec.ts: run \`npm run openapi\`, do not edit.\n` +
  `export const responseSchemas = ${JSON.stringify(schemas, null, 2)} as const;\n\n` +
  `export type ResponseSchemaName = keyof typeof responseSchemas;\n`;

describe('the response schemas of the OpenAPI document', () => {
  it('are generated from the response types of libs/contracts (update them with `npm run openapi`)', async () => {
    const generated = render(generateSchemas());
    if (process.env.UPDATE_OPENAPI === '1') await writeFile(generatedFile, generated);
    expect(await readFile(generatedFile, 'utf8'), 'a response type changed: run `npm run openapi` and commit the result').toBe(generated);
  }, 180_000);
});
