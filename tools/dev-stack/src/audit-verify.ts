import { createDataSource, loadConfig, verifyAuditLogWithCheckpoints } from '@aqtalu/server';
import { developmentAuditCheckpoints, developmentJwtSecret, say, startDevStack } from './dev-environment.js';

/**
 * `npm run audit:verify`: walks the sealed hash chain and holds it against the signed checkpoints; exit 1
 * names the first broken link; reports the entries not sealed yet.
 */
async function main(): Promise<void> {
  const stack = await startDevStack({ withRedis: false });
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    JWT_SECRET: await developmentJwtSecret(),
    ...(process.env.AUDIT_VERIFY_KEY ? {} : await developmentAuditCheckpoints()),
  });
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'audit-verify' });
  let exitCode = 0;
  try {
    await dataSource.initialize();
    const verdict = await verifyAuditLogWithCheckpoints(dataSource, config);
    const tail = verdict.unsealed
      ? `; ${verdict.unsealed} newer entries not sealed yet (oldest written ${verdict.oldestUnsealedAt}), sealed by the running API or worker`
      : '; no entry waits to be sealed';
    const anchor = !verdict.checkpointsChecked
      ? '; no verification key, so no signed checkpoint was checked'
      : verdict.checkpoint
        ? `; matches the checkpoint signed at ${verdict.checkpoint.signedAt} (position ${verdict.checkpoint.chainSeq})`
        : '; no signed checkpoint yet';
    const rejected = verdict.rejectedCheckpoints.length
      ? `; ${verdict.rejectedCheckpoints.length} checkpoint file(s) not signed by the key: ${verdict.rejectedCheckpoints.join(', ')}`
      : '';
    if (verdict.intact && !rejected) {
      say(`audit log intact: ${verdict.entries} sealed entries, last hash ${verdict.lastHash}${anchor}${tail}`);
    } else if (verdict.intact) {
      process.stderr.write(`[aqtalu] audit log chain intact, but checkpoints were tampered with${rejected}\n`);
      exitCode = 1;
    } else {
      process.stderr.write(`[aqtalu] audit log BROKEN at entry ${verdict.brokenAt}: ${verdict.reason} (${verdict.entries} entries read${tail})\n`);
      exitCode = 1;
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await stack.stop();
  }
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
