import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDataSource, runMigrations } from '@aqtalu/server';
import { repoRoot, say, startDevStack } from './dev-environment.js';

const migrationsDir = join(repoRoot, 'libs/server/src/database/migrations');

/** `generate <Name>` | `run` | `revert`, against DATABASE_URL or the embedded development database. */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!['generate', 'run', 'revert'].includes(command ?? '')) {
    throw new Error('usage: migrations.js generate <PascalCaseName> | run | revert');
  }
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    throw new Error('npm run migration:generate -- <Name>: the name must be PascalCase, e.g. AddCases');
  }
  const stack = await startDevStack({ withRedis: false });
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'migrations' });
  try {
    await dataSource.initialize();
    if (command === 'run') {
      const applied = await runMigrations(dataSource);
      say(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'no pending migrations');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      say('reverted the last migration');
    } else {
      await runMigrations(dataSource);
      await generate(dataSource, name!);
    }
  } finally {
    await dataSource.destroy();
    await stack.stop();
  }
}

async function generate(dataSource: ReturnType<typeof createDataSource>, name: string): Promise<void> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    say('the entities match the schema: nothing to generate');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const render = (queries: typeof sql.upQueries) =>
    queries
      .map((query) => {
        const params = query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : '';
        return `    await queryRunner.query(\`${query.query.replace(/`/g, '\\`')}\`${params});`;
      })
      .join('\n');
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${render(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${render([...sql.downQueries].reverse())}
  }
}
`;
  const fileName = `${timestamp}-${name}`;
  await writeFile(join(migrationsDir, `${fileName}.ts`), source);

  const indexFile = join(migrationsDir, 'index.ts');
  let index = await readFile(indexFile, 'utf8');
  const importLine = `import { ${className} } from './${fileName}.js';\n`;
  index = index.replace(/(export const migrations: Function\[\] = \[)([^\]]*)\];/s, (_all, head: string, body: string) => {
    const entries = body.trim() ? `${body.trimEnd()}\n  ${className},\n` : `\n  ${className},\n`;
    return `${head}${entries}];`;
  });
  const imports = [...index.matchAll(/^import .*\n/gm)];
  const at = imports.length ? imports[imports.length - 1]!.index! + imports[imports.length - 1]![0].length : 0;
  index = index.slice(0, at) + importLine + index.slice(at);
  await writeFile(indexFile, index);
  say(`wrote libs/server/src/database/migrations/${fileName}.ts (${sql.upQueries.length} statements); review it, then commit`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
