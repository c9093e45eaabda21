import { runDocumentsBenchmark } from './documents.bench.js';
import { runRegistryBenchmark } from './registry.bench.js';

/** `npm run bench -- <name> [--persons N]`: runs one benchmark and prints a markdown table. */
const [name, ...rest] = process.argv.slice(2);
const option = (flag: string) => {
  const index = rest.indexOf(flag);
  return index >= 0 ? rest[index + 1] : undefined;
};

const benchmarks: Record<string, () => Promise<void>> = {
  documents: () => runDocumentsBenchmark({ documents: Number(option('--documents') ?? 24) }),
  registry: () => runRegistryBenchmark({ persons: Number(option('--persons') ?? 1_000_000), queries: Number(option('--queries') ?? 1000) }),
};

const run = benchmarks[name ?? ''];
if (!run) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}> [--persons N] [--queries N] [--documents N]\n`);
  process.exit(2);
}
await run();
