import { runApiBenchmark } from './api.bench.js';
import { runDocumentsBenchmark } from './documents.bench.js';
import { runGroupCaseBenchmark } from './group-case.bench.js';
import { runRegistryBenchmark } from './registry.bench.js';
import { runRegistryPipelineBenchmark } from './registry-pipeline.bench.js';

/** `npm run bench -- <name> [--persons N]`: runs one benchmark and prints a markdown table. */
const [name, ...rest] = process.argv.slice(2);
const option = (flag: string) => {
  const index = rest.indexOf(flag);
  return index >= 0 ? rest[index + 1] : undefined;
};

const benchmarks: Record<string, () => Promise<void>> = {
  api: () =>
    runApiBenchmark({
      duration: Number(option('--duration') ?? 10),
      cases: Number(option('--cases') ?? 1_900),
      persons: Number(option('--persons') ?? 100_000),
      auditRows: Number(option('--audit') ?? 200_000),
      connections: (option('--connections') ?? '1,8,32').split(',').map(Number),
      output: option('--output'),
      only: option('--only')?.split(','),
      profileDir: option('--profile'),
    }),
  documents: () => runDocumentsBenchmark({ documents: Number(option('--documents') ?? 24) }),
  'group-case': () => runGroupCaseBenchmark({ subjects: Number(option('--subjects') ?? 1_000), reads: Number(option('--reads') ?? 50), output: option('--output') }),
  'registry-pipeline': () =>
    runRegistryPipelineBenchmark({ count: Number(option('--count') ?? 100_000), dedupe: Number(option('--dedupe') ?? 100_000), withIds: rest.includes('--with-ids') }),
  registry: () =>
    runRegistryBenchmark({ persons: Number(option('--persons') ?? 1_000_000), queries: Number(option('--queries') ?? 1000), hold: rest.includes('--hold'), baseline: !rest.includes('--no-baseline'), api: rest.includes('--api') }),
};

const run = benchmarks[name ?? ''];
if (!run) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}> [--persons N] [--count N] [--dedupe N] [--with-ids] [--queries N] [--no-baseline] [--api] [--hold] [--documents N] [--duration S] [--cases N] [--audit N] [--connections 1,8,32] [--only list,case,…] [--profile DIR] [--output FILE]\n`);
  process.exit(2);
}
await run();
