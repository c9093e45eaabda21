import { createDataSource, verifyAuditLog } from '@aqtalu/server';
import { say, startDevStack } from './dev-environment.js';

/** `npm run audit:verify`: walks the sealed hash chain; exit 1 names the first broken link; reports the unsealed tail. */
async function main(): Promise<void> {
  const stack = await startDevStack({ withRedis: false });
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'audit-verify' });
  let exitCode = 0;
  try {
    await dataSource.initialize();
    const verdict = await verifyAuditLog(dataSource);
    const tail = verdict.unsealed
      ? `; ${verdict.unsealed} newer entries not sealed yet (oldest written ${verdict.oldestUnsealedAt}), sealed by the running API or worker`
      : '; no entry waits to be sealed';
    if (verdict.intact) {
      say(`audit log intact: ${verdict.entries} sealed entries, last hash ${verdict.lastHash}${tail}`);
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
