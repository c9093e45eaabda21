import { createDataSource, verifyAuditLog } from '@aqtalu/server';
import { say, startDevStack } from './dev-environment.js';

/** `npm run audit:verify`: walks the audit log's hash chain; exit 1 names the first broken link. */
async function main(): Promise<void> {
  const stack = await startDevStack({ withRedis: false });
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'audit-verify' });
  let exitCode = 0;
  try {
    await dataSource.initialize();
    const verdict = await verifyAuditLog(dataSource);
    if (verdict.intact) {
      say(`audit log intact: ${verdict.entries} entries, last hash ${verdict.lastHash}`);
    } else {
      process.stderr.write(`[aqtalu] audit log BROKEN at entry ${verdict.brokenAt}: ${verdict.reason} (${verdict.entries} entries read)\n`);
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
